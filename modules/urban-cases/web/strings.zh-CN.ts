// Chinese strings of the urban-cases pages (zh-CN, the default); strings.en-US.ts has the same keys.
export const urbanCasesZh = {
  menu: {
    urbanCases: 'urban-cases',
  },
  urbanCases: {
    title: 'urban-cases',
    community: '社区',
    itemTitle: '标题',
    note: '备注',
    createdAt: '登记时间',
    search: '按标题查找',
    create: '新增记录',
  },
};
