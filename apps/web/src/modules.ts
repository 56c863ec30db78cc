// The web app's modules, in menu order: the staff routes, the side menu, the resident pages and the
// strings of both apps are built from this list. A new module adds one line here (and its package).
import { accountsWeb } from '@linli/accounts/web';
import { auditWeb } from '@linli/audit/web';
import { ballotsWeb } from '@linli/ballots/web';
import { calendarWeb } from '@linli/calendar/web';
import { deliberationWeb } from '@linli/deliberation/web';
import { demandImportWeb } from '@linli/demand-import/web';
import { demandSmartWeb } from '@linli/demand-smart/web';
import { demandStatsWeb } from '@linli/demand-stats/web';
import { demandsWeb } from '@linli/demands/web';
import { gridsWeb } from '@linli/grids/web';
import { meetingsWeb } from '@linli/meetings/web';
import { notificationsWeb } from '@linli/notifications/web';
import { open311Web } from '@linli/open311/web';
import { opinionMapWeb } from '@linli/opinion-map/web';
import { organisationsWeb } from '@linli/organisations/web';
import { ownersCommitteesWeb } from '@linli/owners-committees/web';
import { partyWeb } from '@linli/party/web';
import { peopleWeb } from '@linli/people/web';
import { propertyWeb } from '@linli/property/web';
import { propertyEvaluationWeb } from '@linli/property-evaluation/web';
import { resolutionsWeb } from '@linli/resolutions/web';
import { serviceClustersWeb } from '@linli/service-clusters/web';
import { territoryWeb } from '@linli/territory/web';
import { urbanCasesWeb } from '@linli/urban-cases/web';
import { setInstalledModules } from '@linli/web-kit/installed';
import { workbenchWeb } from '@linli/workbench/web';

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
  demandStatsWeb,
  demandSmartWeb,
  calendarWeb,
  demandImportWeb,
  open311Web,
  notificationsWeb,
  ballotsWeb,
  deliberationWeb,
  meetingsWeb,
  opinionMapWeb,
  resolutionsWeb,
  propertyWeb,
  serviceClustersWeb,
  urbanCasesWeb,
  ownersCommitteesWeb,
  propertyEvaluationWeb,
] as const;

setInstalledModules(webModules.map((m) => m.name));
