import type { Database, Db } from '@linli/db';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ModuleError } from './app-error.ts';
import type { AppConfig } from './config.ts';
import type { LocalText, ModuleAbilities } from './permissions.ts';
import type { PersonalDataCipher } from './personal-data.ts';
import type { IntervalJob } from './scheduler.ts';

/** What the server hands every module. */
export interface ModuleDeps {
  database: Database;
  db: Db;
  cipher: PersonalDataCipher;
  config: AppConfig;
  /** Every manifest the server loaded, in load order (territory reads their `territoryRefs` on a move or merge). */
  modules?: readonly ModuleManifest[];
}

/**
 * A column of this module's table that holds a COPY of a territory node's ltree path (e.g.
 * `demand.node_path`, copied from `territory_node.path` when the row was written). When a node
 * moves, territory re-paths every declared column in the same transaction:
 * `UPDATE <table> SET <column> = <new path> || subpath(<column>, nlevel(<old path>))
 *  WHERE tenant_id = $t AND <column> <@ <old path>` — so scope checks on the copy stay right.
 */
export interface TerritoryPathRef {
  table: string;
  /** ltree column; may be NULL (not re-pathed then). */
  column: string;
}

/**
 * A column of this module's table that holds a territory node id (`territory_node.id`). When node
 * `source` is merged into `target` (same kind), territory looks at every declared column:
 * - `onMerge: 'repoint'`: `UPDATE <table> SET <column> = target WHERE tenant_id = $t AND <column> = source`.
 *   With `uniqueWith`, rows of the source that would duplicate a row of the target under the unique
 *   key `(tenant_id, <column>, ...uniqueWith)` are deleted first (a grant held on both nodes, …).
 * - `onMerge: 'refuse'`: the merge is refused with a 409 that names `label` (or the table) and the
 *   number of rows that point at the source, when there are any.
 */
export interface TerritoryNodeRef {
  table: string;
  /** uuid column holding a territory node id. */
  column: string;
  /** Node kinds the column can point at (`household`, `compound`, …); a merge of other kinds skips it. Default: any kind. */
  kinds?: readonly string[];
  onMerge: 'repoint' | 'refuse';
  /** The other columns of a unique key that includes `column` (see above); only with 'repoint'. */
  uniqueWith?: readonly string[];
  /** What the rows are, for the 409 of a refused merge (e.g. 诉求 / demands). Default: the table name. */
  label?: LocalText;
}

/** The territory references one module holds, read by territory's move and merge. */
export interface TerritoryRefs {
  /** Copied paths to re-path when a node moves. */
  paths?: readonly TerritoryPathRef[];
  /** Node-id columns to re-point (or to refuse on) when a node is merged into another. */
  nodes?: readonly TerritoryNodeRef[];
}

/** What a job factory gets: the server's deps and its logger. */
export interface JobDeps extends ModuleDeps {
  log: FastifyBaseLogger;
}

/** What a demo seeder gets: the database, the cipher, and what the modules before it seeded. */
export interface DemoSeedContext {
  database: Database;
  cipher: PersonalDataCipher;
  /** The demo county (高密市 370785); the neighbouring demo counties hold their divisions only. */
  tenantId: string;
  /**
   * Shared between seeders in module order: the demo loader puts the generated plan here (`plan`:
   * the territory, residents and anchors it inserted; `accountIds`: demo user name → account id),
   * and a seeder reads what earlier ones put here and may add its own under its module's name.
   */
  shared: Record<string, unknown>;
  /** Progress of this module's step (the loader names the step after the module). */
  progress: (done: number, total: number) => void;
}

/**
 * The id of the county's demo account of a role name from the shared context's `accountIds`
 * (高密市's are plain, `community`; other counties prefix their code, `qc-community`); null when the
 * county has none.
 */
export function demoAccountId(ctx: Pick<DemoSeedContext, 'shared'>, name: string): string | null {
  const accountIds = ctx.shared.accountIds;
  if (!(accountIds instanceof Map)) return null;
  for (const [username, id] of accountIds as Map<string, string>) if (username === name || username.endsWith(`-${name}`)) return id;
  return null;
}

/**
 * Calls each manifest's demo seeder in module order, one after the other (a seeder may read what
 * an earlier one wrote). `onStep` is told when a module's seeding starts and ends.
 */
export async function runDemoSeeders(
  modules: readonly Pick<ModuleManifest, 'name' | 'demo'>[],
  ctx: Omit<DemoSeedContext, 'progress'>,
  onProgress: (step: string, done: number, total: number) => void = () => undefined,
): Promise<string[]> {
  const seeded: string[] = [];
  for (const mod of modules) {
    if (!mod.demo) continue;
    const step = `demo:${mod.name}`;
    onProgress(step, 0, 1);
    await mod.demo({ ...ctx, progress: (done, total) => onProgress(step, done, total) });
    onProgress(step, 1, 1);
    seeded.push(mod.name);
  }
  return seeded;
}

/**
 * A module's manifest: the one place a module is declared. The server, the migrator, the demo
 * loader and the tools read it; apps/server/src/modules.ts lists the manifests in load order.
 * Routes are registered under /api/v1 and receive the deps; there is no registration by
 * side-effect import. Every field but name and description is optional.
 */
export interface ModuleManifest {
  name: string;
  /** One line: what the module is for. */
  description: string;
  /** Runs once on the root instance before any module's routes: hooks that apply to every request. */
  setup?: (app: FastifyInstance, deps: ModuleDeps) => Promise<void> | void;
  routes?: (app: FastifyInstance, deps: ModuleDeps) => Promise<void> | void;
  /** Extra routes outside /api/v1 (e.g. /open311). */
  rootRoutes?: (app: FastifyInstance, deps: ModuleDeps) => Promise<void> | void;
  /** The abilities it checks and their default grants per role (a pure file of the module). */
  abilities?: ModuleAbilities;
  /**
   * Absolute path of its migrations folder (`modules/<m>/migrations`, files `NNNN_name.sql`).
   * The migrator applies the files of every manifest and of packages/db/migrations (the platform
   * baseline and migrations that span modules) together, ordered by number then name.
   */
  migrations?: string;
  /** Background jobs it runs in the server process (see core/scheduler.ts); LINLI_JOBS=false turns them off. */
  jobs?: (deps: JobDeps) => IntervalJob[];
  /** Demo data: called once per demo load, after the seeders of the modules listed before it. */
  demo?: (ctx: DemoSeedContext) => Promise<void>;
  /**
   * Its errors (`defineErrors` in a pure file of the module): code `<module>.<what>`, class and
   * zh-CN / en-US texts. Thrown with `AppError.of`; the error handler answers in the caller's language.
   */
  errors?: Readonly<Record<string, ModuleError>>;
  /** Tables it owns: only its SQL writes them, and its migrations create them. */
  tables?: readonly string[];
  /** Tables of other modules its SQL reads (declared; a test refuses undeclared ones). */
  reads?: readonly string[];
  /** Territory references it holds (copied paths, node-id columns), for territory's move and merge. */
  territoryRefs?: TerritoryRefs;
}
