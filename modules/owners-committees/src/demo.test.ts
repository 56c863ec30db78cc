import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { insertResident, testCipher } from '@linli/people/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { seedOwnersCommitteesDemo } from './demo.ts';
import { committeeFigures } from './figures.ts';
import { buildCommitteeWorld } from './testing.ts';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

/** The plan the foundation seeder would share: the world's compounds, households, residents and party records. */
function planOf(
  w: Awaited<ReturnType<typeof buildCommitteeWorld>>,
  organisations?: { kind: string; nodeId: string; attrs: Record<string, unknown> }[],
) {
  const t = w.tree;
  const depth = t.a.compound.path.split('.').length - 1;
  const node = (n: { id: string; name: string; path: string }) => ({ ...n, depth: n.path.split('.').length - 1 });
  const born = '1975-03-01';
  return {
    compounds: [node(t.a.compound), node(t.b.compound)].map((c) => ({ ...c, depth })),
    households: [t.a.h101, t.a.h102, t.b.h101, t.b.h102].map(node),
    residents: [
      { id: w.a.li, householdId: t.a.h101.id, name: '李建国', birthDate: born },
      { id: w.a.wang, householdId: t.a.h101.id, name: '王芳', birthDate: born },
      { id: w.a.zhang, householdId: t.a.h102.id, name: '张伟', birthDate: born },
      { id: w.a.zhao, householdId: t.a.h102.id, name: '赵敏', birthDate: born },
      { id: w.b.chen, householdId: t.b.h101.id, name: '陈静', birthDate: born },
      { id: w.b.liu, householdId: t.b.h101.id, name: '刘洋', birthDate: born },
      { id: w.b.sun, householdId: t.b.h102.id, name: '孙丽', birthDate: '2015-01-01' },
    ],
    partyMembers: [{ residentId: w.a.li }, { residentId: w.a.wang }, { residentId: w.b.chen }],
    partyOrgs: [{ kind: 'compound_branch', nodeId: t.a.compound.id, secretaryId: w.a.li }],
    organisations,
    anchors: { community: { id: t.a.community.id, path: t.a.community.path } },
  };
}

describe('seedOwnersCommitteesDemo', () => {
  it('hits the county’s targets exactly, in the compounds of the organisations register, with members from their households', async () => {
    database = await createTestDatabase();
    const w = await buildCommitteeWorld(database.db);
    const plan = planOf(w, [
      { kind: 'owners_committee', nodeId: w.tree.b.compound.id, attrs: { partyMemberShare: 0.5 } },
      { kind: 'property_management_committee', nodeId: w.tree.a.compound.id, attrs: {} },
    ]);
    const profile = { property: { ownersCommittees: 1, propertyManagementCommittees: 1 } };
    await seedOwnersCommitteesDemo({ database, cipher: testCipher, tenantId: '370785', shared: { plan, profile }, progress: () => {} });
    const f = await committeeFigures(
      database.db,
      { tenantId: '370785', paths: [w.tree.county.path] },
      { from: '2000-01-01', to: '2100-01-01' },
    );
    expect(f).toMatchObject({ ownersCommittees: 1, propertyManagementCommittees: 1, newCommittees: 2 });
    const rows = await database.query<{ compound: string; kind: string; residents: string[] }>(
      `SELECT c.compound_id AS compound, c.kind, array_agg(m.resident_id::text ORDER BY m.resident_id) AS residents
         FROM owners_committee c JOIN owners_committee_member m ON m.tenant_id = c.tenant_id AND m.committee_id = c.id GROUP BY 1, 2`,
    );
    const b = rows.find((r) => r.compound === w.tree.b.compound.id);
    expect(b?.kind).toBe('owners_committee');
    // 孙丽 is a child: never a member.
    expect(b?.residents.sort()).toEqual([w.b.chen, w.b.liu].sort());
    expect(rows.find((r) => r.compound === w.tree.a.compound.id)?.kind).toBe('property_management_committee');
  });

  it('without targets seeds worked examples: a term ending soon with its re-election under way, one missing the party share', async () => {
    database = await createTestDatabase();
    const w = await buildCommitteeWorld(database.db);
    const plan = planOf(w);
    for (const name of ['周强', '吴敏']) {
      const r = await insertResident(database.db, w.tree.b.h102, { name });
      plan.residents.push({ id: r.id, householdId: w.tree.b.h102.id, name, birthDate: '1980-06-01' });
    }
    await seedOwnersCommitteesDemo({ database, cipher: testCipher, tenantId: '370785', shared: { plan }, progress: () => {} });
    const f = await committeeFigures(
      database.db,
      { tenantId: '370785', paths: [w.tree.county.path] },
      { from: '2023-01-01', to: '2023-12-31' },
    );
    expect(f).toMatchObject({ ownersCommittees: 2, termsEndingWithin90Days: 1, newCommittees: 1, newCommitteesPartyShareMet: 0 });
    expect(f.trainedMemberShare).not.toBeNull();
    const [e] = await database.query<{ status: string; candidates: number; checks: number }>(
      `SELECT e.status, (SELECT count(*)::int FROM owners_committee_candidate k WHERE k.election_id = e.id) AS candidates,
              (SELECT count(*)::int FROM owners_committee_vetting v JOIN owners_committee_candidate k ON k.id = v.candidate_id WHERE k.election_id = e.id) AS checks
         FROM owners_committee_election e`,
    );
    expect(e).toMatchObject({ status: 'preparing', candidates: 4 });
    expect(e!.checks).toBe(7);
  });
});

describe('seedMeetingsDemo', () => {
  it('runs a meeting through the commands to its published result where every household has a floor area', async () => {
    const { seedMeetingsDemo } = await import('./demo-meetings.ts');
    const { buildMeetingWorld } = await import('./testing.ts');
    database = await createTestDatabase();
    const w = await buildMeetingWorld(database.db);
    // 凤凰小区's households have no floor area: no meeting there.
    expect(await seedMeetingsDemo(database.db, '370785', null, [w.tree.a.compound.id, w.compound.id])).toBe(1);
    const [m] = await database.query<{ status: string; matters: number; counted: number; paper: number }>(
      `SELECT m.status, (SELECT count(*)::int FROM owners_meeting_matter x WHERE x.meeting_id = m.id) AS matters,
         (SELECT count(*)::int FROM owners_meeting_matter x WHERE x.meeting_id = m.id AND x.result IS NOT NULL) AS counted,
         (SELECT count(*)::int FROM owners_meeting_paper_ballot b WHERE b.meeting_id = m.id) AS paper
       FROM owners_meeting m WHERE m.compound_id = $1`,
      [w.compound.id],
    );
    expect(m).toMatchObject({ status: 'published', matters: 2, counted: 2 });
    expect(m?.paper).toBeGreaterThan(0);
  });
});
