import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the grids module, in both languages (pure: the web may read it). Listed in the manifest. */
export const gridErrors = defineErrors('grid', {
  leader_taken: { status: 'conflict', 'en-US': 'This grid already has a leader', 'zh-CN': '该网格已有网格长' },
  write_required: {
    status: 'forbidden',
    'en-US': 'Permission grid.write is required for this community',
    'zh-CN': '需要 grid.write 权限（本社区）',
  },
});

/** What a 404 names (`AppError.notFound(gridNouns.grid, id)`). */
export const gridNouns = {
  grid: { 'zh-CN': '网格', 'en-US': 'Grid' },
  member: { 'zh-CN': '网格成员', 'en-US': 'Grid member' },
} as const satisfies Record<string, Noun>;
