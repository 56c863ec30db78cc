import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor, insertResident } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DualRegistrationRepository } from '../dual-registration.repository.ts';
import { insertOrganisation } from '../testing.ts';
import { createDualRegistration } from './create-dual-registration.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let ctx: ReturnType<typeof contextFor>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
});
afterAll(() => database.close());

const register = (input: Parameters<typeof createDualRegistration>[2], context = ctx) =>
  database.db.transaction((tx) => createDualRegistration(tx, context, input));

describe('createDualRegistration', () => {
  it('registers an organisation and an in-service party member once each', async () => {
    const { id: organisationId } = await insertOrganisation(database.db, {
      node: tree.county,
      kind: 'government_unit',
      name: '高密市财政局',
    });
    const { id: residentId } = await insertResident(database.db, tree.a.h101, { name: '刘党员', isPartyMember: true });
    const org = await register({ communityId: tree.a.community.id, organisationId, services: '法律咨询' });
    expect(org).toMatchObject({ communityName: '凤凰社区', organisationName: '高密市财政局', residentId: null, services: '法律咨询' });
    const member = await register({ communityId: tree.a.community.id, residentId });
    expect(member).toMatchObject({ residentName: '刘党员', organisationId: null });
    expect(await register({ communityId: tree.a.community.id, organisationId }).catch((e: AppError) => e.code)).toBe('conflict');

    const listed = await new DualRegistrationRepository(database.db).list('370785', [tree.a.community.path], {}, { limit: 10 });
    expect(listed.items).toHaveLength(2);
    const sibling = await new DualRegistrationRepository(database.db).list('370785', [tree.b.community.path], {}, { limit: 10 });
    expect(sibling.items).toHaveLength(0);
  });

  it('refuses both or neither registrant, a non-member resident and a non-community', async () => {
    const { id: residentId } = await insertResident(database.db, tree.a.h102, { name: '普通居民' });
    expect(await register({ communityId: tree.a.community.id }).catch((e: AppError) => e.details)).toMatchObject([
      { field: 'organisationId' },
    ]);
    expect(await register({ communityId: tree.a.compound.id, residentId }).catch((e: AppError) => e.details)).toEqual([
      { field: 'communityId', reason: 'is not a community' },
      { field: 'residentId', reason: 'is not a party member' },
    ]);
  });

  it('answers staff of a sibling community as if the community did not exist', async () => {
    const { id: organisationId } = await insertOrganisation(database.db, { node: tree.county, kind: 'school', name: '高密一中' });
    const other = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    expect(await register({ communityId: tree.a.community.id, organisationId }, other).catch((e: AppError) => e.code)).toBe('not_found');
  });

  it('answers a resident or an organisation of another community like unknown ones, and tells nothing of party membership', async () => {
    const { id: member } = await insertResident(database.db, tree.b.h101, { name: '外社区党员', isPartyMember: true });
    const { id: plain } = await insertResident(database.db, tree.b.h102, { name: '外社区居民' });
    const { id: firm } = await insertOrganisation(database.db, { node: tree.b.community, kind: 'enterprise', name: '康成企业' });
    const answer = (input: Parameters<typeof register>[0]) =>
      register(input).then(
        () => 'registered',
        (e: AppError) => ({ code: e.code, message: e.message, details: e.details }),
      );
    const unknown = await answer({ communityId: tree.a.community.id, residentId: '01900000-0000-7000-8000-00000000dead' });
    expect(unknown).toEqual({ code: 'not_found', message: 'Resident not found', details: [{ field: 'residentId', reason: 'not found' }] });
    expect(await answer({ communityId: tree.a.community.id, residentId: member })).toEqual(unknown);
    expect(await answer({ communityId: tree.a.community.id, residentId: plain })).toEqual(unknown);
    expect(await answer({ communityId: tree.a.community.id, organisationId: firm })).toMatchObject({ code: 'not_found' });
    expect(
      await database.query('SELECT count(*)::int AS n FROM dual_registration WHERE resident_id = $1 OR organisation_id = $2', [
        member,
        firm,
      ]),
    ).toEqual([{ n: 0 }]);
  });
});
