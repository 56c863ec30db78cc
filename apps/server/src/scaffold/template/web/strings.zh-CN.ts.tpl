// Chinese strings of the __name__ pages (zh-CN, the default); strings.en-US.ts has the same keys.
export const __camel__Zh = {
  menu: {
    __camel__: '__name__',
  },
  __camel__: {
    title: '__name__',
    community: '社区',
    itemTitle: '标题',
    note: '备注',
    createdAt: '登记时间',
    search: '按标题查找',
    create: '新增记录',
  },
};
