import { defineErrors } from '@linli/core/app-error';

/** The errors of the calendar module, in both languages (pure: the web may read it). Listed in the manifest. */
export const calendarErrors = defineErrors('calendar', {
  no_territory: { status: 'forbidden', 'en-US': 'The county has no territory yet', 'zh-CN': '本县尚未建立区划' },
});
