import { inScope, newId } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { EvaluationScore, PropertyContract, RenewalDecision } from './contract.ts';

/** SQL of property service contracts (物业服务合同) and their collection rates; a contract is visible where its compound is in scope. */
export class ContractRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT k.id, k.company_id AS "companyId", p.name AS "companyName", k.compound_id AS "compoundId", n.name AS "compoundName",
        to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn", k.services,
        k.fee_per_m2_month::float8 AS "feePerM2Month",
        COALESCE((SELECT json_agg(json_build_object('period', r.period, 'rate', r.rate::float8) ORDER BY r.period)
           FROM property_collection r WHERE r.tenant_id = k.tenant_id AND r.contract_id = k.id), '[]'::json) AS collections
      FROM property_contract k
      JOIN property_company p ON p.tenant_id = k.tenant_id AND p.id = k.company_id
      JOIN ${territorySql.nodes('n')} ON n.tenant_id = k.tenant_id AND n.id = k.compound_id
      WHERE k.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(tenantId: string, scope: string[], filter: { companyId?: string; compoundId?: string }): Promise<PropertyContract[]> {
    const c: SQL[] = [];
    if (filter.companyId) c.push(sql`k.company_id = ${filter.companyId}::uuid`);
    if (filter.compoundId) c.push(sql`k.compound_id = ${filter.compoundId}::uuid`);
    const found = await rows<PropertyContract>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY k.starts_on DESC, k.id LIMIT 2000`);
    return found.map(parsed);
  }

  async findById(tenantId: string, id: string, scope: string[]): Promise<PropertyContract | undefined> {
    const found = await one<PropertyContract>(this.db, this.select(tenantId, scope, [sql`k.id = ${id}::uuid`]));
    return found ? parsed(found) : undefined;
  }

  async insert(
    tenantId: string,
    input: {
      companyId: string;
      compoundId: string;
      startsOn: string;
      endsOn: string | null;
      services: string[];
      feePerM2Month: number;
      createdBy?: string;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO property_contract (tenant_id, id, company_id, compound_id, starts_on, ends_on, services, fee_per_m2_month, created_by)
      VALUES (${tenantId}, ${id}, ${input.companyId}, ${input.compoundId}, ${input.startsOn}::date, ${input.endsOn}::date,
        ${`{${input.services.map((s) => `"${s.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`}::text[], ${input.feePerM2Month}, ${input.createdBy ?? null})`);
    return id;
  }

  /** Records a renewal decision (续聘 / 整改 / 解聘) on a contract with the scores it was based on. */
  async addDecision(
    tenantId: string,
    input: {
      contractId: string;
      decision: RenewalDecision['decision'];
      reason: string;
      basis: EvaluationScore[];
      by: string;
      byName: string;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO property_renewal_decision (tenant_id, id, contract_id, decision, reason, basis, decided_by, decided_by_name)
      VALUES (${tenantId}, ${id}, ${input.contractId}::uuid, ${input.decision}, ${input.reason}, ${JSON.stringify(input.basis)}::jsonb,
        ${input.by}::uuid, ${input.byName})`);
    return id;
  }

  /** A contract's renewal decisions, newest first (the contract's scope is checked by the caller's findById). */
  async decisions(tenantId: string, contractId: string): Promise<RenewalDecision[]> {
    const found = await rows<RenewalDecision>(
      this.db,
      sql`SELECT id, contract_id AS "contractId", decision, reason, basis, decided_by_name AS "decidedByName",
            to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "decidedAt"
          FROM property_renewal_decision WHERE tenant_id = ${tenantId} AND contract_id = ${contractId}::uuid
          ORDER BY decided_at DESC, id DESC`,
    );
    return found.map((d) => ({ ...d, basis: typeof d.basis === 'string' ? JSON.parse(d.basis) : d.basis }));
  }

  async recordCollection(tenantId: string, contractId: string, period: string, rate: number, by?: string): Promise<void> {
    await this.db.execute(sql`INSERT INTO property_collection (tenant_id, contract_id, period, rate, recorded_by)
      VALUES (${tenantId}, ${contractId}, ${period}, ${rate}, ${by ?? null})
      ON CONFLICT (tenant_id, contract_id, period) DO UPDATE SET rate = EXCLUDED.rate, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`);
  }
}

function parsed(c: PropertyContract): PropertyContract {
  const collections = typeof c.collections === 'string' ? JSON.parse(c.collections) : c.collections;
  const services = Array.isArray(c.services) ? c.services : [];
  return { ...c, services, collections };
}
