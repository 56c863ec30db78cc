// Chinese strings of the owners-committees pages (zh-CN, the default); strings.en-US.ts has the same keys.
export const ownersCommitteesZh = {
  menu: {
    ownersCommittees: '业委会',
  },
  ownersCommittees: {
    title: '业委会与物业管理委员会',
    name: '名称',
    compound: '小区',
  },
};
