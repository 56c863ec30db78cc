import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { ownersCommitteesAbilities } from './abilities.ts';
import { seedOwnersCommitteesDemo } from './demo.ts';
import { ownersCommitteesErrors } from './errors.ts';
import { ownersCommitteesRoutes } from './routes.ts';

/**
 * Owners' committees (业委会 / 业工委) and property management committees (物业管理委员会) of compounds:
 * members and terms, the ≥ 50 % party-member rule read from the party records, re-elections (换届)
 * with vetted candidates and an Art. 278 owners' ballot, published results, and training coverage.
 */
export const ownersCommitteesModule: ModuleManifest = {
  name: 'owners-committees',
  description:
    '业委会、业工委与物业管理委员会：成员与任期，党员占比不低于50%（按党员名册实时核算），换届选举（资格审查、业主表决、结果公示），培训全覆盖，业主大会（民法典第二百七十八条表决事项，手机与纸质表决、授权委托、结果公告）',
  routes: ownersCommitteesRoutes,
  abilities: ownersCommitteesAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: ownersCommitteesErrors,
  demo: seedOwnersCommitteesDemo,
  tables: [
    'owners_committee_setting',
    'owners_committee',
    'owners_committee_member',
    'owners_committee_election',
    'owners_committee_candidate',
    'owners_committee_vetting',
    'owners_committee_notice',
    'owners_committee_training',
    'owners_committee_attendance',
    'owners_meeting',
    'owners_meeting_matter',
    'owners_meeting_document',
    'owners_meeting_proxy',
    'owners_meeting_paper_ballot',
  ],
  // Members' names and households (people) and their party membership and branch secretaries (party): read, never written.
  reads: ['resident', 'party_member', 'party_org'],
  territoryRefs: {
    nodes: [
      {
        table: 'owners_committee',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'refuse',
        label: { 'zh-CN': '业委会', 'en-US': "owners' committees" },
      },
      {
        table: 'owners_committee_election',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'refuse',
        label: { 'zh-CN': '业委会换届选举', 'en-US': "owners' committee elections" },
      },
      {
        table: 'owners_committee_training',
        column: 'node_id',
        kinds: ['county', 'subdistrict', 'community', 'compound'],
        onMerge: 'repoint',
        label: { 'zh-CN': '业委会培训', 'en-US': "owners' committee trainings" },
      },
      {
        table: 'owners_meeting',
        column: 'compound_id',
        kinds: ['compound'],
        onMerge: 'refuse',
        label: { 'zh-CN': '业主大会', 'en-US': "owners' general meetings" },
      },
      {
        table: 'owners_meeting_proxy',
        column: 'household_id',
        kinds: ['household'],
        onMerge: 'refuse',
        label: { 'zh-CN': '业主大会授权委托', 'en-US': "owners' meeting proxies" },
      },
      {
        table: 'owners_meeting_proxy',
        column: 'holder_household_id',
        kinds: ['household'],
        onMerge: 'refuse',
        label: { 'zh-CN': '业主大会授权委托', 'en-US': "owners' meeting proxies" },
      },
      {
        table: 'owners_meeting_paper_ballot',
        column: 'household_id',
        kinds: ['household'],
        onMerge: 'refuse',
        label: { 'zh-CN': '业主大会纸质表决票', 'en-US': "owners' meeting paper ballots" },
      },
    ],
  },
};
