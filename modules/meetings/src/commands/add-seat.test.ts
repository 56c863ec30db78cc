import { type AppError, runWrite } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { insertOrganisation } from '@linli/organisations/testing';
import { insertPartyOrg } from '@linli/party/testing';
import { contextFor } from '@linli/people/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeetingWorld, councilWithMembers, insertResidents } from '../testing.ts';
import { addSeat } from './add-seat.ts';
import { createCouncil } from './create-council.ts';
import { endSeat } from './end-seat.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildMeetingWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildMeetingWorld(database);
});
afterAll(() => database.close());

const code = (e: AppError) => (e.declared?.code ?? e.code) as string;

describe('councils and seats', () => {
  it('gives a community council the 5–9 rule and refuses a tenth member', async () => {
    const names = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    const ids = await insertResidents(database.db, world.tree.a.h101, names);
    const council = await councilWithMembers(
      database,
      world.staff,
      { nodeId: world.tree.a.community.id, level: 'community' },
      ids.slice(0, 9),
    );
    expect(council).toMatchObject({ minMembers: 5, maxMembers: 9, members: 9 });
    const tenth = await runWrite(database.db, (tx) => addSeat(tx, world.staff, council.id, { role: 'elder', residentId: ids[9] })).catch(
      (e: AppError) => code(e),
    );
    expect(tenth).toBe('meetings.council_full');
    // A member who leaves frees a seat.
    const seatId = council.seats[0]?.id as string;
    await runWrite(database.db, (tx) => endSeat(tx, world.staff, council.id, seatId));
    const after = await runWrite(database.db, (tx) => addSeat(tx, world.staff, council.id, { role: 'elder', residentId: ids[9] }));
    expect(after.members).toBe(9);
  });

  it('seats the compound branch, the owners committee and the property company, showing party membership to who may see it', async () => {
    const [secretary, chair, manager] = await insertResidents(database.db, world.tree.a.h102, ['王书记', '李主任', '赵经理']);
    await database.db.execute(sql`UPDATE resident SET is_party_member = true WHERE id = ${secretary}`);
    const street = await insertPartyOrg(database.db, {
      node: world.tree.subdistrict,
      kind: 'subdistrict_committee',
      name: '朝阳街道党工委',
    });
    const committee = await insertPartyOrg(database.db, {
      node: world.tree.a.community,
      kind: 'community_committee',
      name: '凤凰社区党委',
      parent: street,
    });
    const branch = await insertPartyOrg(database.db, {
      node: world.tree.a.compound,
      kind: 'compound_branch',
      name: '凤凰小区党支部',
      parent: committee,
    });
    const owners = await insertOrganisation(database.db, { node: world.tree.a.compound, kind: 'owners_committee', name: '凤凰小区业委会' });
    const company = await insertOrganisation(database.db, { node: world.tree.a.community, kind: 'property_company', name: '凤凰物业' });
    let council = await runWrite(database.db, (tx) =>
      createCouncil(tx, world.staff, { nodeId: world.tree.a.compound.id, level: 'compound', name: '凤凰小区议事会' }),
    );
    expect(council).toMatchObject({ minMembers: null, maxMembers: null });
    council = await runWrite(database.db, (tx) =>
      addSeat(tx, world.staff, council.id, { role: 'party_branch', residentId: secretary, partyOrgId: branch.id }),
    );
    council = await runWrite(database.db, (tx) =>
      addSeat(tx, world.staff, council.id, { role: 'owners_committee', residentId: chair, organisationId: owners.id }),
    );
    council = await runWrite(database.db, (tx) =>
      addSeat(tx, world.staff, council.id, { role: 'property_company', residentId: manager, organisationId: company.id }),
    );
    expect(council.seats.map((s) => [s.role, s.name, s.partyOrgName ?? s.organisationName, s.isPartyMember])).toEqual([
      ['party_branch', '王书记', '凤凰小区党支部', true],
      ['owners_committee', '李主任', '凤凰小区业委会', false],
      ['property_company', '赵经理', '凤凰物业', false],
    ]);
    // An owners'-committee member may run meetings but not see party membership.
    const owner = contextFor('370785', [{ role: 'owners_committee_member', node: world.tree.a.compound }]);
    const { councilDetail } = await import('./council-detail.ts');
    const seen = await councilDetail(database.db, owner, council.id);
    expect(seen?.seats.every((s) => !('isPartyMember' in s))).toBe(true);
    const twice = await runWrite(database.db, (tx) => addSeat(tx, world.staff, council.id, { role: 'member', residentId: chair })).catch(
      (e: AppError) => code(e),
    );
    expect(twice).toBe('meetings.seat_taken');
  });

  it('refuses a place of the wrong level, and answers another community or county like an unknown id', async () => {
    const wrong = await runWrite(database.db, (tx) =>
      createCouncil(tx, world.staff, { nodeId: world.tree.a.compound.id, level: 'community', name: '错层级' }),
    ).catch((e: AppError) => code(e));
    expect(wrong).toBe('meetings.wrong_place_kind');
    const other = await runWrite(database.db, (tx) =>
      createCouncil(tx, world.staff, { nodeId: world.tree.b.community.id, level: 'community', name: '越权' }),
    ).catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    const foreign = await runWrite(database.db, (tx) =>
      createCouncil(tx, world.staff, { nodeId: world.tree.other.community.id, level: 'community', name: '外县' }),
    ).catch((e: AppError) => e.code);
    expect(foreign).toBe('not_found');
    const [stranger] = await insertResidents(database.db, world.tree.b.h101, ['外社区居民']);
    const council = await runWrite(database.db, (tx) =>
      createCouncil(tx, world.staff, { nodeId: world.tree.a.compound.id, level: 'compound', name: '第二议事会' }),
    );
    const seat = await runWrite(database.db, (tx) => addSeat(tx, world.staff, council.id, { role: 'member', residentId: stranger })).catch(
      (e: AppError) => e.code,
    );
    expect(seat).toBe('not_found');
    const byOther = await runWrite(database.db, (tx) => addSeat(tx, world.otherStaff, council.id, { role: 'member', name: '某人' })).catch(
      (e: AppError) => e.code,
    );
    expect(byOther).toBe('not_found');
    const rows = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM council WHERE name IN ($1, $2, $3)', [
      '错层级',
      '越权',
      '外县',
    ]);
    expect(rows[0]?.n).toBe(0);
  });

  it('seats a street joint meeting: the working committee member and the head of a county department', async () => {
    await database.db.execute(
      sql`INSERT INTO department (tenant_id, id, code, name) VALUES ('370785', '0190a000-0000-7000-8000-00000000d001', 'zjj_test', '住建局（测试）')
          ON CONFLICT DO NOTHING`,
    );
    const street = contextFor('370785', [{ role: 'subdistrict_staff', node: world.tree.subdistrict }]);
    let council = await runWrite(database.db, (tx) =>
      createCouncil(tx, street, {
        nodeId: world.tree.subdistrict.id,
        level: 'subdistrict',
        kind: 'joint_meeting',
        name: '朝阳街道党建联席会议',
      }),
    );
    council = await runWrite(database.db, (tx) => addSeat(tx, street, council.id, { role: 'street_committee', name: '专职委员' }));
    council = await runWrite(database.db, (tx) =>
      addSeat(tx, street, council.id, { role: 'department', name: '张局长', departmentId: '0190a000-0000-7000-8000-00000000d001' }),
    );
    expect(council.seats.map((s) => [s.role, s.departmentName])).toEqual([
      ['street_committee', null],
      ['department', '住建局（测试）'],
    ]);
  });
});
