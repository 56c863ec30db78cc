import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { meetingsAbilities } from './abilities.ts';
import { seedMeetingsDemo } from './demo.ts';
import { meetingsErrors } from './errors.ts';
import { meetingsRoutes } from './routes.ts';

/**
 * Meetings (议事会与会议): councils with permanent and flexible seats — compound councils,
 * community councils, street and county joint meetings, owners' meetings — and their meetings:
 * notice, agenda, check-in, quorum, simplified Robert's rules, minutes.
 */
export const meetingsModule: ModuleManifest = {
  name: 'meetings',
  description: 'Councils and their meetings: seats, notices, check-in, quorum, motions and speaking turns, minutes',
  routes: meetingsRoutes,
  abilities: meetingsAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: meetingsErrors,
  demo: seedMeetingsDemo,
  tables: [
    'council',
    'council_seat',
    'meeting',
    'meeting_item',
    'meeting_invitee',
    'meeting_attendance',
    'meeting_motion',
    'meeting_turn',
    'meeting_photo',
  ],
  reads: ['resident', 'party_org', 'organisation', 'property_service', 'department'],
  territoryRefs: {
    nodes: [
      {
        table: 'council',
        column: 'node_id',
        kinds: ['compound', 'community', 'subdistrict', 'county'],
        onMerge: 'repoint',
        label: { 'zh-CN': '议事会', 'en-US': 'councils' },
      },
      {
        table: 'meeting',
        column: 'node_id',
        kinds: ['compound', 'community', 'subdistrict', 'county'],
        onMerge: 'repoint',
        label: { 'zh-CN': '会议', 'en-US': 'meetings' },
      },
      {
        table: 'meeting_invitee',
        column: 'household_id',
        kinds: ['household'],
        onMerge: 'repoint',
        label: { 'zh-CN': '参会人', 'en-US': 'meeting invitees' },
      },
    ],
  },
};
