// Chinese strings of the grids pages (zh-CN, the default); strings.en-US.ts has the same keys.
export const gridsZh = {
  menu: {
    grids: '网格',
  },
  grids: {
    title: '网格',
    name: '网格名称',
    level: '层级',
    community: '所属社区',
    buildingCount: '楼栋数',
    memberCount: '成员数',
    buildings: '包含楼栋',
    members: '网格团队',
    role: '职责',
    levels: { grid: '网格', micro_grid: '微网格' },
    create: '新建网格',
    parent: '所属网格',
    pickBuildings: '选择网格包含的楼栋（可按小区整体勾选）',
    pickCommunityFirst: '请先选择社区',
    addMember: '添加成员',
    memberAccount: '工作人员账号',
    memberAccountHint: '网格长须为有账号的社区工作人员',
    memberResident: '居民',
    memberResidentHint: '本社区的居民（楼栋长、党员、志愿者）',
    removeMemberConfirm: '确定将“{{name}}”移出网格团队？',
    memberRoles: { leader: '网格长', grid_worker: '网格员', building_leader: '楼栋长', party_member: '党员', volunteer: '志愿者' },
  },
};
