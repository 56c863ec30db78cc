// Parts of the module's Chinese strings kept out of the first load of both apps: the categories and
// deadlines page's strings (only its menu entry is here; the whole file comes with the page) and the
// built-in reply templates (with the pages that offer them). The values here repeat the whole
// file's (first-strings.test.ts checks that).
import type { PageStrings } from '@linli/web-kit/i18n';
import type { demandSettingsZh } from './settings/strings.zh-CN.ts';

const first = { demandSettings: { menu: '诉求类别与时限' } };

/** Typed as the whole settings file, so that t() knows every key; the rest arrives with its page. */
export const demandSettingsFirstZh = first as unknown as { demandSettings: typeof demandSettingsZh };

/** The settings page's whole Chinese strings, loaded with it. */
export const demandSettingsPageStrings: PageStrings = () =>
  import('./settings/strings.zh-CN.ts').then((m) => ({ demandSettings: m.demandSettingsZh }));

/** The built-in reply templates (demands.templates), loaded with the staff detail page and the resident's demand view. */
export const demandTemplatesLoader: PageStrings = () =>
  import('./templates.zh-CN.ts').then((m) => ({ demands: { templates: m.demandTemplatesZh } }));

/** The part of the first load, for the test that it agrees with the whole file. */
export const demandSettingsFirstPart: object = first;
