// Chinese strings of the deliberation pages (zh-CN, the default); strings.en-US.ts has the same keys.
import { stationsZh } from './stations-strings.zh-CN.ts';

export const deliberationZh = {
  ...stationsZh,
  menu: {
    deliberation: 'deliberation',
  },
  deliberation: {
    title: 'deliberation',
    community: '社区',
    itemTitle: '标题',
    note: '备注',
    createdAt: '登记时间',
    search: '按标题查找',
    create: '新增记录',
  },
};
