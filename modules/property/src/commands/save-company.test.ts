import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { insertPartyOrg } from '@linli/party/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileRepository } from '../profile.repository.ts';
import { makeProfile, testCreditCode } from '../testing.ts';
import { createCompany, updateCompany } from './save-company.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let branchA: { id: string };
let branchB: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  const top = await insertPartyOrg(database.db, {
    node: { id: tree.subdistrict.id, tenantId: '370785' },
    kind: 'subdistrict_committee',
    name: '朝阳街道党工委',
  });
  const org = (node: { id: string }, name: string) =>
    insertPartyOrg(database.db, { node: { id: node.id, tenantId: '370785' }, kind: 'community_committee', name, parent: top });
  branchA = await org(tree.a.community, '凤凰社区党委');
  branchB = await org(tree.b.community, '康成社区党委');
});
afterAll(() => database.close());

const staffA = () => contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);

describe('createCompany', () => {
  it('registers a company with its party branch and instructor, audited', async () => {
    const code = testCreditCode();
    const company = await database.db.transaction((tx) =>
      createCompany(tx, staffA(), {
        communityId: tree.a.community.id,
        name: ' 高密市城投物业 ',
        kind: 'state_owned',
        creditCode: code.toLowerCase(),
        servicePhone: '0536-2345678',
        partyOrgId: branchA.id,
        instructorName: '王建国',
      }),
    );
    expect(company).toMatchObject({
      name: '高密市城投物业',
      kind: 'state_owned',
      creditCode: code,
      partyOrgName: '凤凰社区党委',
      instructorName: '王建国',
      compounds: 0,
    });
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'property.company.create' AND target_id = $1",
      [company.id],
    );
    expect(audit?.n).toBe(1);
    const taken = await database.db
      .transaction((tx) =>
        createCompany(tx, staffA(), { communityId: tree.a.community.id, name: '重复', kind: 'market', creditCode: code }),
      )
      .catch((e: AppError) => e.code);
    expect(taken).toBe('conflict');
  });

  it('refuses a community or party branch of another community like unknown ones, a wrong check character and a compound as community', async () => {
    const attempt = (input: Partial<Parameters<typeof createCompany>[2]>) =>
      database.db
        .transaction((tx) => createCompany(tx, staffA(), { communityId: tree.a.community.id, name: '越权物业', kind: 'market', ...input }))
        .catch((e: AppError) => ({ code: e.code, details: e.details }));
    expect(await attempt({ communityId: tree.b.community.id })).toMatchObject({ code: 'not_found' });
    expect(await attempt({ partyOrgId: branchB.id })).toMatchObject({ code: 'not_found', details: [{ field: 'partyOrgId' }] });
    expect(await attempt({ communityId: tree.other.community.id })).toMatchObject({ code: 'not_found' });
    expect(await attempt({ creditCode: '91350100M000100Y44' })).toMatchObject({
      code: 'invalid_input',
      details: [{ field: 'creditCode' }],
    });
    expect(await attempt({ communityId: tree.a.compound.id })).toMatchObject({ code: 'invalid_input' });
    const [n] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM property_company WHERE name = '越权物业'");
    expect(n?.n).toBe(0);
  });
});

describe('updateCompany', () => {
  it('changes a company and recomputes its compounds when its kind becomes self-managed', async () => {
    const company = await database.db.transaction((tx) =>
      createCompany(tx, staffA(), { communityId: tree.a.community.id, name: '凤凰物业', kind: 'market' }),
    );
    await makeProfile(database, staffA(), { compoundId: tree.a.compound.id, company: { id: company.id, fee: 0.5, rate: 0.9 } });
    const profiles = new ProfileRepository(database.db);
    expect((await profiles.findById('370785', tree.a.compound.id, [tree.a.community.path]))?.status).toBe('well');
    const updated = await database.db.transaction((tx) =>
      updateCompany(tx, staffA(), company.id, { communityId: tree.a.community.id, name: '凤凰小区自管会', kind: 'self_managed' }),
    );
    expect(updated).toMatchObject({ name: '凤凰小区自管会', kind: 'self_managed', compounds: 1 });
    expect((await profiles.findById('370785', tree.a.compound.id, [tree.a.community.path]))?.status).toBe('self');
    const staffB = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const other = await database.db
      .transaction((tx) => updateCompany(tx, staffB, company.id, { communityId: tree.b.community.id, name: '抢占', kind: 'market' }))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
  });
});
