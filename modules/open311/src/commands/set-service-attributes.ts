import { AppError, type ErrorDetail, emitEvents, recordAudit } from '@linli/core';
import { type Db, one } from '@linli/db';
import { sql } from 'drizzle-orm';
import { Value } from 'typebox/value';
import { definitionProblems } from '../attributes.ts';
import { type AttributeDefinition, AttributeDefinitions } from '../contract.ts';
import { open311Nouns } from '../errors.ts';
import { type ConfigureActor, configureAudit, requireOpen311Configure, tenantOf } from '../system-actor.ts';

/**
 * Replaces the Open311 attributes of a category (its service definition): what a client must or
 * may send as attribute[code]. Demands already submitted keep the values they were given.
 */
export async function setServiceAttributes(
  tx: Db,
  by: ConfigureActor,
  categoryCode: string,
  attributes: unknown,
): Promise<AttributeDefinition[]> {
  await requireOpen311Configure(tx, by);
  const tenantId = tenantOf(by);
  if (!Value.Check(AttributeDefinitions, attributes)) {
    const errors: ErrorDetail[] = Value.Errors(AttributeDefinitions, attributes).map((e) => ({
      field: `attributes${e.instancePath.replace(/\//g, '.')}`,
      reason: e.message,
    }));
    throw AppError.invalid(errors);
  }
  const problems = definitionProblems(attributes);
  if (problems.length > 0) throw AppError.invalid(problems);
  const category = await one<{ id: string }>(
    tx,
    sql`UPDATE demand_category SET open311_attributes = ${JSON.stringify(attributes)}::jsonb, version = version + 1
        WHERE tenant_id = ${tenantId} AND code = ${categoryCode} RETURNING id`,
  );
  if (!category) throw AppError.notFound(open311Nouns.category, categoryCode);
  const codes = attributes.map((a) => a.code);
  await recordAudit(tx, configureAudit(by, 'demand.category.open311_attributes', { type: 'demand_category', id: category.id }, { codes }));
  await emitEvents(tx, {
    tenantId,
    type: 'demand_category.updated',
    aggregateType: 'demand_category',
    aggregateId: category.id,
    payload: { fields: ['open311Attributes'] },
  });
  return attributes;
}
