import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of home visits, in both languages (pure: the web may read it); spread into the manifest's errors. */
export const visitErrors = defineErrors('deliberation', {
  visit_date_outside_quarter: {
    status: 'invalid_input',
    'en-US': 'A visit of plan {quarter} is made between {first} and {last}',
    'zh-CN': '{quarter} 的走访日期应在 {first} 至 {last} 之间',
  },
  visit_date_ahead: {
    status: 'invalid_input',
    'en-US': 'The visit date {date} is still ahead',
    'zh-CN': '走访日期 {date} 尚未到来',
  },
  visit_raised_without_visit: {
    status: 'invalid_input',
    'en-US': 'Only a household that was visited can have raised something',
    'zh-CN': '只有走访到的住户才能登记反映的问题',
  },
  visit_nothing_raised: {
    status: 'conflict',
    'en-US': 'This visit raised nothing to take into the topic pool',
    'zh-CN': '该次走访没有登记反映的问题，不能形成议题',
  },
  visit_topic_exists: {
    status: 'conflict',
    'en-US': 'What this visit raised is already topic {number}',
    'zh-CN': '该次走访反映的问题已形成议题 {number}',
  },
  visit_changed: {
    status: 'conflict',
    'en-US': 'The visit was recorded meanwhile (version {version}, you saw {seen})',
    'zh-CN': '该户的走访记录已被他人更新（当前版本 {version}，您看到的是 {seen}），请刷新后再登记',
  },
});

/** What a 404 names. */
export const visitNouns = {
  plan: { 'zh-CN': '走访计划', 'en-US': 'visit plan' },
  visit: { 'zh-CN': '走访记录', 'en-US': 'home visit' },
} as const satisfies Record<string, Noun>;
