// Chinese strings of the owners-committees pages (zh-CN, the default); strings.en-US.ts has the same keys.
export const ownersCommitteesZh = {
  menu: {
    ownersCommittees: 'owners-committees',
  },
  ownersCommittees: {
    title: 'owners-committees',
    community: '社区',
    itemTitle: '标题',
    note: '备注',
    createdAt: '登记时间',
    search: '按标题查找',
    create: '新增记录',
  },
};
