// The web app's modules, in menu order: the staff routes, the side menu, the resident pages and the
// strings of both apps are built from this list. A new module adds one line here (and its package).
import { accountsWeb } from '@linli/accounts/web';
import { auditWeb } from '@linli/audit/web';
import { gridsWeb } from '@linli/grids/web';
import { notificationsWeb } from '@linli/notifications/web';
import { organisationsWeb } from '@linli/organisations/web';
import { partyWeb } from '@linli/party/web';
import { peopleWeb } from '@linli/people/web';
import { territoryWeb } from '@linli/territory/web';
import { demandsWeb } from './pages/demands-web.ts';

export const webModules = [
  territoryWeb,
  peopleWeb,
  partyWeb,
  gridsWeb,
  organisationsWeb,
  accountsWeb,
  auditWeb,
  demandsWeb,
  notificationsWeb,
] as const;
