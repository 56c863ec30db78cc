import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor, testCipher } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateOrganisationBody } from '../contract.ts';
import { OrganisationRepository } from '../organisation.repository.ts';
import { createOrganisation } from './create-organisation.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

const create = (ctx: ReturnType<typeof contextFor>, input: CreateOrganisationBody) =>
  database.db.transaction((tx) => createOrganisation(tx, testCipher, ctx, input));

describe('createOrganisation', () => {
  it('stores the phone encrypted, answers it masked, and lists a subdistrict-wide company in each community it serves', async () => {
    const county = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }]);
    const company = await create(county, {
      kind: 'property_company',
      name: '高密城投物业',
      nodeId: tree.subdistrict.id,
      stateOwned: true,
      phone: '13912345678',
      servedCompoundIds: [tree.a.compound.id, tree.b.compound.id],
    });
    expect(company).toMatchObject({ phone: '139****5678', stateOwned: true });
    expect(company.servedCompounds.map((c) => c.name).sort()).toEqual(['凤凰小区', '康成小区']);
    const [row] = await database.query<{ phone_enc: string }>('SELECT phone_enc FROM organisation WHERE id = $1', [company.id]);
    expect(row?.phone_enc).not.toContain('13912345678');
    expect(testCipher.decrypt(row!.phone_enc)).toBe('13912345678');

    const seen = await new OrganisationRepository(database.db).list('370785', [tree.a.community.path], {}, { limit: 10 });
    expect(seen.items.map((o) => o.name)).toEqual(['高密城投物业']);
  });

  it('validates the phone, the node of an owners committee and the compounds served', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const details = await create(ctx, {
      kind: 'owners_committee',
      name: '凤凰小区业委会',
      nodeId: tree.a.community.id,
      phone: '12345',
      servedCompoundIds: [tree.a.compound.id],
    }).catch((e: AppError) => e.details);
    expect(details).toEqual([
      { field: 'nodeId', reason: 'a owners_committee belongs to a compound' },
      { field: 'phone', reason: 'is not a mainland mobile number or a landline with area code' },
      { field: 'servedCompoundIds', reason: 'only a property company serves compounds' },
    ]);
    const outside = await create(ctx, {
      kind: 'property_company',
      name: '越区物业',
      nodeId: tree.a.community.id,
      servedCompoundIds: [tree.b.compound.id],
    }).catch((e: AppError) => [e.code, e.details]);
    // Another community's compound answers like an unknown one.
    expect(outside).toEqual(['not_found', [{ field: 'servedCompoundIds', reason: 'not found' }]]);
  });
});
