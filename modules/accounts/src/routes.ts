import {
  type App,
  AppError,
  abilitiesOf,
  abilityLabels,
  attachmentHeader,
  buildWorkbook,
  CursorText,
  decodeCursor,
  encodeCursor,
  errorResponses,
  inScope,
  type ModuleDeps,
  type Role,
  requireAbility,
  requireContext,
  roleAbilities,
  roleLabels,
  roles,
  XLSX_TYPE,
} from '@linli/core';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { type AccountRow, accountRepository } from './account.repository.ts';
import { clientOf } from './authenticate.ts';
import { changePassword } from './commands/change-password.ts';
import { createAccount } from './commands/create-account.ts';
import { grantRole } from './commands/grant-role.ts';
import { login } from './commands/login.ts';
import { logout } from './commands/logout.ts';
import { resetPassword, unlockAccount, updateAccount } from './commands/manage-account.ts';
import { revokeGrant } from './commands/revoke-grant.ts';
import {
  AccountIdParams,
  AccountListQuery,
  AccountView,
  ChangePasswordBody,
  CreateAccountBody,
  GrantBody,
  GrantIdParams,
  LoginBody,
  LoginView,
  MeView,
  PasswordBody,
  UpdateAccountBody,
} from './contract.ts';
import { SESSION_COOKIE } from './tokens.ts';

const errors = errorResponses(400, 401, 403, 404);

function accountView(a: AccountRow & { grants?: unknown }) {
  return {
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    status: a.status,
    lockedUntil: a.locked_until && new Date(a.locked_until) > new Date() ? new Date(a.locked_until).toISOString() : null,
    lastLoginAt: a.last_login_at ? new Date(a.last_login_at).toISOString() : null,
    mustChangePassword: a.must_change_password,
    grants: (a.grants ?? []) as { id: string; role: string; nodeId: string; path: string }[],
  };
}

export async function accountRoutes(app: App, deps: ModuleDeps): Promise<void> {
  const { db, config } = deps;
  // Login attempts per user name, besides the per-address limit of the route: one name tried from
  // many addresses is limited too. Counted after the body is read (preHandler), whether the name
  // exists or not, in a fixed one-minute window (see AppConfig.rateLimit).
  type Limit = { isAllowed: boolean; isExceeded?: boolean; ttl?: number };
  const createLimit = (app as unknown as { createRateLimit?: (options: object) => (req: FastifyRequest) => Promise<Limit> })
    .createRateLimit;
  const perUserName = createLimit?.({
    max: config.rateLimit.loginPerUserPerMinute ?? config.rateLimit.loginPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) =>
      `login-name:${String((request.body as { username?: unknown } | undefined)?.username ?? '')
        .trim()
        .toLowerCase()}`,
  });
  const limitPerUserName = async (request: FastifyRequest) => {
    const limit = perUserName ? await perUserName(request) : undefined;
    if (limit && !limit.isAllowed && limit.isExceeded) {
      const retryAfterSeconds = Math.max(1, Math.ceil((limit.ttl ?? 60_000) / 1000));
      throw new AppError('rate_limited', `Too many requests; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
  };

  app.post(
    '/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in',
        body: LoginBody,
        response: { 200: LoginView, ...errors, ...errorResponses(429) },
      },
      config: { rateLimit: { max: config.rateLimit.loginPerMinute, timeWindow: '1 minute' } },
      preHandler: limitPerUserName,
    },
    async (request, reply) => {
      const result = await login(db, config, { ...request.body, ...clientOf(request) });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        maxAge: config.sessionAbsoluteMinutes * 60,
      });
      const account = await accountRepository.findById(db, result.accountId);
      const tenant = await db.execute(sql`SELECT name FROM tenant WHERE tenant_id = ${account!.tenant_id}`);
      return {
        user: {
          id: account!.id,
          username: account!.username,
          displayName: account!.display_name,
          tenantId: account!.tenant_id,
          tenantName: ((tenant as unknown as { rows: { name: string }[] }).rows[0]?.name ?? '') as string,
        },
        csrfToken: result.csrfToken,
        passwordExpired: result.passwordExpired,
      };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { operationId: 'logout', tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const ctx = requireContext(request);
      await logout(db, ctx, request.session!.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'The signed-in user, roles, scope and abilities',
        response: { 200: MeView, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const s = request.session!;
      return {
        user: {
          id: ctx.actor.accountId,
          username: ctx.actor.username,
          displayName: ctx.actor.displayName,
          tenantId: ctx.actor.tenantId,
          tenantName: s.tenantName,
        },
        grants: ctx.actor.grants,
        abilities: abilitiesOf(ctx.actor),
        passwordExpired: s.passwordExpired,
        csrfToken: s.csrfToken,
        idleTimeoutMinutes: config.sessionIdleMinutes,
      };
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: 'Change my password',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      await changePassword(db, config, ctx, { ...request.body, currentTokenHash: request.session!.tokenHash });
      return reply.status(204).send(null);
    },
  );

  app.get('/roles', { schema: { operationId: 'listRoles', tags: ['accounts'], summary: 'Roles and their abilities' } }, async (request) => {
    requireContext(request);
    return roles.map((role) => ({
      role,
      ...roleLabels[role],
      abilities: roleAbilities[role],
      abilityNames: roleAbilities[role].map((ability) => ({
        ability,
        zh: abilityLabels[ability]?.['zh-CN'] ?? ability,
        en: abilityLabels[ability]?.['en-US'] ?? ability,
      })),
    }));
  });

  async function listAccounts(
    request: { query: Static<typeof AccountListQuery>; ctx: import('@linli/core').RequestContext | null },
    limit: number,
  ) {
    const ctx = requireContext(request as never);
    const scope = requireAbility(ctx.actor, 'account.read');
    const after = decodeCursor(request.query.cursor, CursorText);
    const list = await accountRepository.list(db, {
      tenantId: ctx.actor.tenantId,
      scopeFilter: inScope(sql`n.path`, scope),
      q: request.query.q,
      role: request.query.role,
      status: request.query.status,
      after,
      limit: limit + 1,
    });
    return { items: list.slice(0, limit).map(accountView), more: list.length > limit };
  }

  app.get(
    '/accounts',
    {
      schema: {
        operationId: 'listAccounts',
        tags: ['accounts'],
        summary: 'Accounts in my scope',
        querystring: AccountListQuery,
        response: { 200: Type.Object({ items: Type.Array(AccountView), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errors },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const { items, more } = await listAccounts(request, limit);
      return { items, nextCursor: more ? encodeCursor(items.at(-1)!.username) : null };
    },
  );

  app.get(
    '/accounts/export.xlsx',
    { schema: { operationId: 'exportAccounts', tags: ['accounts'], summary: 'Export accounts to Excel', querystring: AccountListQuery } },
    async (request, reply) => {
      const { items } = await listAccounts(request, 10_000);
      const buffer = await buildWorkbook(
        'accounts',
        [
          { header: '用户名 Username', key: 'username', value: (a) => a.username },
          { header: '姓名 Name', key: 'displayName', value: (a) => a.displayName },
          { header: '状态 Status', key: 'status', value: (a) => (a.status === 'active' ? '正常 active' : '已停用 disabled') },
          {
            header: '角色 Roles',
            key: 'roles',
            width: 60,
            // The role's name and the place it holds on, as the accounts page shows them: 社区工作者（秦家岭社区）.
            value: (a) =>
              a.grants
                .map((g) => `${roleLabels[g.role as Role]?.zh ?? g.role}（${(g as { nodeName?: string }).nodeName ?? g.nodeId}）`)
                .join('；'),
          },
          { header: '最近登录 Last login', key: 'lastLoginAt', width: 24, value: (a) => a.lastLoginAt },
        ],
        items,
      );
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachmentHeader('accounts.xlsx')).send(buffer);
    },
  );

  app.post(
    '/accounts',
    {
      schema: {
        operationId: 'createAccount',
        tags: ['accounts'],
        summary: 'Create an account',
        body: CreateAccountBody,
        response: { 201: AccountView, ...errors, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'account.manage');
      const id = await createAccount(db, config, ctx, request.body);
      const list = await accountRepository.list(db, {
        tenantId: ctx.actor.tenantId,
        scopeFilter: sql`true`,
        q: request.body.username,
        limit: 1,
      });
      if (!list[0]) throw AppError.notFound('account', id);
      return reply.status(201).send(accountView(list[0]));
    },
  );

  app.patch(
    '/accounts/:id',
    {
      schema: {
        operationId: 'updateAccount',
        tags: ['accounts'],
        summary: 'Rename, disable or enable an account',
        params: AccountIdParams,
        body: UpdateAccountBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await updateAccount(db, requireContext(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/accounts/:id/unlock',
    {
      schema: {
        operationId: 'unlockAccount',
        tags: ['accounts'],
        summary: 'Unlock after failed logins',
        params: AccountIdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await unlockAccount(db, requireContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/accounts/:id/reset-password',
    {
      schema: {
        operationId: 'resetAccountPassword',
        tags: ['accounts'],
        summary: 'Set a temporary password',
        params: AccountIdParams,
        body: PasswordBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await resetPassword(db, config, requireContext(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/accounts/:id/grants',
    {
      schema: {
        operationId: 'grantRole',
        tags: ['accounts'],
        summary: 'Grant a role on a territory node',
        params: AccountIdParams,
        body: GrantBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const id = await grantRole(db, requireContext(request), { accountId: request.params.id, ...request.body });
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    '/accounts/:id/grants/:grantId',
    {
      schema: {
        operationId: 'revokeGrant',
        tags: ['accounts'],
        summary: 'Revoke a role grant',
        params: GrantIdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeGrant(db, requireContext(request), { accountId: request.params.id, grantId: request.params.grantId });
      return reply.status(204).send(null);
    },
  );
}
