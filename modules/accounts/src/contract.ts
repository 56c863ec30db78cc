import { roles } from '@linli/core/permissions';
import { type Static, Type } from 'typebox';

export const RoleName = Type.Union(
  roles.map((r) => Type.Literal(r)),
  { description: 'Role name' },
);

export const GrantView = Type.Object({
  id: Type.String(),
  role: Type.String(),
  nodeId: Type.String(),
  nodeName: Type.Optional(Type.String()),
  nodeKind: Type.Optional(Type.String()),
  path: Type.String(),
});

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  tenantId: Type.String(),
  tenantName: Type.String(),
});

export const MeView = Type.Object({
  user: UserView,
  grants: Type.Array(GrantView),
  abilities: Type.Array(Type.String()),
  passwordExpired: Type.Boolean(),
  csrfToken: Type.String(),
  idleTimeoutMinutes: Type.Integer(),
});

export const LoginView = Type.Object({ user: UserView, csrfToken: Type.String(), passwordExpired: Type.Boolean() });

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const AccountView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  status: Type.String(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  grants: Type.Array(GrantView),
});

export const AccountListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  role: Type.Optional(RoleName),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const CreateAccountBody = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9_.@-]{3,64}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    grants: Type.Optional(Type.Array(Type.Object({ role: RoleName, nodeId: Type.String({ format: 'uuid' }) }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const UpdateAccountBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false },
);

export const GrantBody = Type.Object({ role: RoleName, nodeId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const AccountIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const GrantIdParams = Type.Object({ id: Type.String({ format: 'uuid' }), grantId: Type.String({ format: 'uuid' }) });
export const PasswordBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

/** A role as GET /roles lists it: its names and the abilities it carries. */
export const RoleView = Type.Object({
  role: RoleName,
  zh: Type.String(),
  en: Type.String(),
  abilities: Type.Array(Type.String()),
  /** What the role may do, in words: each ability's name as its module declares it (the code when it declares none). */
  abilityNames: Type.Array(Type.Object({ ability: Type.String(), zh: Type.String(), en: Type.String() })),
});

export type Grant = Static<typeof GrantView>;
export type User = Static<typeof UserView>;
export type Me = Static<typeof MeView>;
export type LoginResult = Static<typeof LoginView>;
export type Account = Static<typeof AccountView>;
export type RoleInfo = Static<typeof RoleView>;
