// Chinese strings of the property pages (zh-CN, the default); strings.en-US.ts has the same keys.
export const propertyZh = {
  menu: {
    property: 'property',
  },
  property: {
    title: 'property',
    community: '社区',
    itemTitle: '标题',
    note: '备注',
    createdAt: '登记时间',
    search: '按标题查找',
    create: '新增记录',
  },
};
