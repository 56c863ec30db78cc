import type { ModuleAbilities } from '@linli/core/permissions';

/**
 * Residents, by need (docs/privacy-matrix.md): people.read is each household's contact person (name,
 * relation, household, masked phone); people.roster adds every member of the household;
 * people.sensitive adds gender, birth date, masked ID number, tags (独居, 残疾, 低保 …), party
 * membership and the note; people.pii reveals the unmasked phone and ID number (audited).
 * Government staff and the system admin (who imports and corrects the same fields) hold all but pii;
 * whoever writes or reveals also reads all of it. Property staff need each household's contact only.
 * This file is pure (no node imports): the web reads it too.
 */
export const peopleAbilities = {
  abilities: ['people.read', 'people.roster', 'people.sensitive', 'people.write', 'people.pii'],
  grants: {
    system_admin: ['people.read', 'people.roster', 'people.sensitive', 'people.write'],
    county_staff: ['people.read', 'people.roster', 'people.sensitive'],
    subdistrict_staff: ['people.read', 'people.roster', 'people.sensitive', 'people.write', 'people.pii'],
    community_staff: ['people.read', 'people.roster', 'people.sensitive', 'people.write', 'people.pii'],
    compound_staff: ['people.read', 'people.roster', 'people.sensitive', 'people.write', 'people.pii'],
    grid_worker: ['people.read', 'people.roster', 'people.sensitive', 'people.write', 'people.pii'],
    property_staff: ['people.read'],
  },
  labels: {
    'people.read': { 'zh-CN': '查看住户联系人', 'en-US': 'Read household contacts' },
    'people.roster': { 'zh-CN': '查看住户成员', 'en-US': 'Read household members' },
    'people.sensitive': { 'zh-CN': '查看敏感信息', 'en-US': 'Read sensitive data' },
    'people.write': { 'zh-CN': '维护居民信息', 'en-US': 'Keep resident data' },
    'people.pii': { 'zh-CN': '查看明文号码', 'en-US': 'Reveal phone and ID numbers' },
  },
} as const satisfies ModuleAbilities;

declare module '@linli/core/permissions' {
  interface AbilityRegistry extends Record<(typeof peopleAbilities.abilities)[number], true> {}
}
