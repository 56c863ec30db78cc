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
import { setInstalledModules } from '@linli/web-kit/installed';
import { workbenchWeb } from '@linli/workbench/web';
import { demandsWeb } from './pages/demands-web.ts';

export const webModules = [
  // The home pages (no menu entry): first, so the resident's address heads the phone home.
  workbenchWeb,
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

setInstalledModules(webModules.map((m) => m.name));
