import { type Static, Type } from 'typebox';

/** A county department (住建局, 城管局 …): a handling unit at the department level. */
export const Department = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
});
export type Department = Static<typeof Department>;

export const DepartmentList = Type.Object({ items: Type.Array(Department) });
export type DepartmentList = Static<typeof DepartmentList>;
