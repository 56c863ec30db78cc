import fs from 'node:fs';
import { hashPassword, type ModuleManifest, newId, type PersonalDataCipher, type Role, recordAudit, runDemoSeeders } from '@linli/core';
import { type Database, type Db, one, rows } from '@linli/db';
import { retrainClassifier } from '@linli/demand-smart';
import { importDivisions } from '@linli/territory/commands/import-divisions';
import { shippedDivisionFiles } from '@linli/territory/shipped-divisions';
import { sql } from 'drizzle-orm';
import { insertRows, withIndexesDeferred, withTriggersDisabled } from './bulk-insert.ts';
import { loadDemoDemands } from './demo-demands.ts';
import { loadDemoOpen311 } from './demo-open311.ts';
import {
  type CountyProfile,
  type DemoPlan,
  gaomiProfile,
  generateDemoPlan,
  type NodeRow,
  qiaochengProfile,
  type TerritoryRef,
  wenshanProfile,
} from './generate.ts';
import { type ProtectedColumns, protectMany } from './protect-in-worker.ts';

type ProtectedColumnsOf = Omit<ProtectedColumns, 'id'>;

export const DEMO_PASSWORD = 'Linli@2026';
export const DEMO_TENANT = '370785';

/** The demo tenants: 高密市 loaded first, 谯城区 and 文山市 beside the running server (moreDemoCounties). */
export const demoTenants = [
  { tenantId: '370785', name: '高密市' },
  { tenantId: '532601', name: '文山市' },
  { tenantId: '341602', name: '谯城区' },
] as const;

export interface DemoAccount {
  username: string;
  role: Role;
  /** What the account shows, in Chinese, for the README and the start-up message. */
  description: string;
  /** Name of the territory node the role is granted on. */
  scope: string;
  /** Which place of the county's demo plan the role is granted on. */
  anchor: 'county' | 'subdistrict' | 'community' | 'propertyCompound' | 'ownersCompound' | 'household';
}

/** The 高密市 demo accounts; all demo accounts share the password DEMO_PASSWORD. */
export const demoAccounts: readonly DemoAccount[] = [
  { username: 'admin', role: 'system_admin', description: '系统管理员：区划、数据和配置', scope: '高密市', anchor: 'county' },
  { username: 'secadmin', role: 'security_admin', description: '安全管理员：账号和授权', scope: '高密市', anchor: 'county' },
  { username: 'auditor', role: 'audit_admin', description: '审计管理员：只看审计日志', scope: '高密市', anchor: 'county' },
  { username: 'county', role: 'county_staff', description: '市级工作人员：全市查看、登记、派单和督办', scope: '高密市', anchor: 'county' },
  { username: 'subdistrict', role: 'subdistrict_staff', description: '街道工作人员', scope: '朝阳街道', anchor: 'subdistrict' },
  { username: 'community', role: 'community_staff', description: '社区工作者', scope: '秦家岭社区', anchor: 'community' },
  { username: 'grid', role: 'grid_worker', description: '网格员（网格服务队成员）', scope: '秦家岭社区', anchor: 'community' },
  { username: 'property', role: 'property_staff', description: '物业服务企业人员', scope: '金都家园', anchor: 'propertyCompound' },
  { username: 'owners', role: 'owners_committee_member', description: '业委会成员', scope: '金都家园', anchor: 'ownersCompound' },
  { username: 'volunteer', role: 'volunteer', description: '志愿者', scope: '秦家岭社区', anchor: 'community' },
  { username: 'resident', role: 'resident', description: '居民（本人及家庭）', scope: '1-1-101', anchor: 'household' },
];

/**
 * Counties loaded after the server is ready (loadMoreCounties), each with its own demo accounts: 谯城区,
 * the deliberation county of the seed (毫议站 in 41 communities and 85 compounds), and 文山市, the
 * property reform county (583 compounds in 3 streets and 32 communities).
 */
export const moreDemoCounties: readonly { profile: CountyProfile; name: string; accounts: readonly DemoAccount[] }[] = [
  {
    profile: qiaochengProfile,
    name: '谯城区',
    accounts: [
      { username: 'qc-admin', role: 'system_admin', description: '谯城区系统管理员：区划、数据和配置', scope: '谯城区', anchor: 'county' },
      { username: 'qc-community', role: 'community_staff', description: '谯城区社区工作者', scope: '白布社区', anchor: 'community' },
      { username: 'qc-resident', role: 'resident', description: '谯城区居民（本人及家庭）', scope: '1-1-102', anchor: 'household' },
    ],
  },
  {
    profile: wenshanProfile,
    name: '文山市',
    accounts: [
      { username: 'ws-admin', role: 'system_admin', description: '文山市系统管理员：区划、数据和配置', scope: '文山市', anchor: 'county' },
      { username: 'ws-community', role: 'community_staff', description: '文山市社区工作者', scope: '振华社区', anchor: 'community' },
      { username: 'ws-resident', role: 'resident', description: '文山市居民（本人及家庭）', scope: '1-1-102', anchor: 'household' },
    ],
  },
];

export interface DemoSummary {
  tenants: { tenantId: string; name: string }[];
  /** Rows created per table (territory_node split by kind). */
  counts: Record<string, number>;
  accounts: readonly DemoAccount[];
  elapsedMs: number;
}

export interface DemoDeps {
  database: Database;
  cipher: PersonalDataCipher;
  /** The cipher's master key: with it, the residents' phone and ID numbers are encrypted on a worker thread while the territory is inserted. */
  masterKey?: Buffer;
}

export interface DemoOptions {
  onProgress?: (step: string, done: number, total: number) => void;
  /**
   * The server's manifests, in module order: after the foundation's data each one's `demo` seeder
   * runs (see runDemoSeeders in core), with `plan` and `accountIds` in the shared context.
   */
  modules?: readonly Pick<ModuleManifest, 'name' | 'demo'>[];
}

/** True on a fresh database: no tenant yet, so the first start loads the demo. */
export async function isDemoNeeded(database: Database): Promise<boolean> {
  const row = await one<{ any: boolean }>(database.db, sql`SELECT EXISTS (SELECT 1 FROM tenant) AS any`);
  return !row?.any;
}

/** True when the demo county and its accounts are in the database (the start-up message lists them then only). */
export async function isDemoLoaded(database: Database): Promise<boolean> {
  const row = await one<{ loaded: boolean }>(
    database.db,
    sql`SELECT EXISTS (SELECT 1 FROM account WHERE tenant_id = ${DEMO_TENANT} AND username = ${demoAccounts[0]?.username ?? 'admin'}) AS loaded`,
  );
  return row?.loaded === true;
}

/**
 * Loads the demo: tenants, the national divisions of three counties, and for 高密市 compounds down to
 * residents, the five-level party tree, leaders, grids, organisations, demo accounts and three
 * years of demands (demo-demands.ts). One transaction per step, multi-row inserts, deterministic
 * content (seeded PRNG).
 */
export async function loadDemo(deps: DemoDeps, options: DemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const { database, cipher } = deps;
  const progress = options.onProgress ?? (() => undefined);
  // Every step reports its start and its end (bulk inserts report rows in between).
  const step = async (name: string, fn: (tx: Db) => Promise<void>) => {
    progress(name, 0, 1);
    await database.db.transaction(fn);
    progress(name, 1, 1);
  };
  // The territory's subtree counts (migration 0022) are kept by statement triggers on these tables;
  // the bulk steps insert with them off and the counts are computed once after the party step.
  const rollupTables = ['territory_node', 'resident', 'party_member'];
  const bulkStep = (name: string, fn: (tx: Db) => Promise<void>) =>
    step(name, (tx) => withTriggersDisabled(tx, rollupTables, 'territory_rollup', () => fn(tx)));

  await step('tenants', async (tx) => {
    for (const t of demoTenants) {
      await tx.execute(sql`INSERT INTO tenant (tenant_id, name) VALUES (${t.tenantId}, ${t.name}) ON CONFLICT (tenant_id) DO NOTHING`);
    }
  });

  const divisionFiles = shippedDivisionFiles.map((file) => fs.readFileSync(file, 'utf8'));
  await step('divisions', async (tx) => {
    let done = 0;
    for (const t of demoTenants) {
      for (const csvText of divisionFiles) await importDivisions(tx, { tenantId: t.tenantId, csvText });
      progress('divisions', ++done, demoTenants.length);
    }
  });

  const { plan, accountIds, nodeOf } = await loadCountyFoundation(
    deps,
    gaomiProfile,
    demoAccounts,
    { db: database.db, step, bulkStep, bulk: true },
    progress,
  );
  const T = DEMO_TENANT;

  progress('demands', 0, 1);
  await loadDemoDemands(database, {
    tenantId: T,
    community: plan.anchors.community,
    household: plan.anchors.household,
    residentName: plan.anchors.resident.name,
    cipher,
  });
  progress('demands', 1, 1);
  // The county's classifier learns at once from its own handled demands (thousands), as a county
  // staff member's retrain would: without it the hot-spot and settings pages showed the built-in
  // model and "本地已办结诉求 0 / 200" beside them. Trained in a worker thread.
  progress('classifier', 0, 1);
  await retrainClassifier(database.db, { system: 'demo', tenantId: T });
  progress('classifier', 1, 1);

  await runDemoSeeders(
    options.modules ?? [],
    { database, cipher, tenantId: T, shared: { plan, accountIds, profile: gaomiProfile } },
    progress,
  );

  const summaryCounts = await countRows(database.db);
  await step('audit', async (tx) => {
    await recordAudit(
      tx,
      demoTenants.map((t) => ({
        tenantId: t.tenantId,
        actorName: 'system',
        action: 'demo.load',
        targetType: 'tenant',
        targetId: t.tenantId,
        details: t.tenantId === DEMO_TENANT ? { counts: summaryCounts } : { counts: { divisionsOnly: true } },
      })),
    );
  });
  // After the summary: the client's service account is not one of the demo accounts.
  await step('open311', (tx) => loadDemoOpen311(tx, T));
  progress('done', 1, 1);
  return {
    tenants: demoTenants.map((t) => ({ ...t })),
    counts: summaryCounts,
    accounts: demoAccounts.map((a) => ({ ...a, scope: nodeOf(a).name })),
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** True when a county of moreDemoCounties is loaded (its first demo account exists). */
export async function isCountyLoaded(database: Database, county: (typeof moreDemoCounties)[number]): Promise<boolean> {
  const row = await one<{ loaded: boolean }>(
    database.db,
    sql`SELECT EXISTS (SELECT 1 FROM account WHERE tenant_id = ${county.profile.tenantId} AND username = ${county.accounts[0]?.username ?? ''}) AS loaded`,
  );
  return row?.loaded === true;
}

/**
 * Loads the counties of moreDemoCounties that are not there yet, beside a running server (main.ts calls
 * it once the server is ready): each county's people and places in one transaction (all or nothing,
 * indexes and triggers left as they are so the other counties keep working), then the modules' demo
 * seeders for it. Returns the counties it loaded.
 */
export async function loadMoreCounties(
  deps: DemoDeps,
  options: DemoOptions & { /** Only these counties (tenant ids); all of moreDemoCounties when absent. */ only?: readonly string[] } = {},
): Promise<{ name: string; elapsedMs: number }[]> {
  const progress = options.onProgress ?? (() => undefined);
  const loaded: { name: string; elapsedMs: number }[] = [];
  for (const county of moreDemoCounties.filter((c) => !options.only || options.only.includes(c.profile.tenantId))) {
    if (!(await isDemoLoaded(deps.database)) || (await isCountyLoaded(deps.database, county))) continue;
    const started = performance.now();
    const T = county.profile.tenantId;
    const countyProgress = (step: string, done: number, total: number) => progress(`${county.name} ${step}`, done, total);
    const foundation = await deps.database.db.transaction(async (tx) => {
      const step = async (name: string, fn: (tx: Db) => Promise<void>) => {
        countyProgress(name, 0, 1);
        await fn(tx);
        countyProgress(name, 1, 1);
      };
      // The subtree-count triggers fire once per insert statement and recount up the whole tree: for a
      // county's 16,000 households and their residents that held the embedded database (one connection)
      // for a quarter of an hour. Where the database allows it, this transaction alone runs with triggers
      // off (session_replication_role, no table lock: the other counties keep working) and the county's
      // counts are computed once after its party step. Elsewhere the triggers keep the counts as usual.
      const triggersOff = await mayTurnOffTriggers(tx);
      if (triggersOff) await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      return loadCountyFoundation(
        deps,
        county.profile,
        county.accounts,
        { db: tx, step, bulkStep: step, bulk: false, rebuildRollup: triggersOff },
        countyProgress,
      );
    });
    await runDemoSeeders(
      options.modules ?? [],
      {
        database: deps.database,
        cipher: deps.cipher,
        tenantId: T,
        shared: { plan: foundation.plan, accountIds: foundation.accountIds, profile: county.profile },
      },
      countyProgress,
    );
    const counts = await countRows(deps.database.db, T);
    await deps.database.db.transaction((tx) =>
      recordAudit(tx, [{ tenantId: T, actorName: 'system', action: 'demo.load', targetType: 'tenant', targetId: T, details: { counts } }]),
    );
    loaded.push({ name: county.name, elapsedMs: Math.round(performance.now() - started) });
  }
  return loaded;
}

interface LoadRun {
  /** Where the county's divisions are read (the database, or the transaction the county is loaded in). */
  db: Db;
  step: (name: string, fn: (tx: Db) => Promise<void>) => Promise<void>;
  /** A step of many rows; on a first load it runs with the rollup triggers off. */
  bulkStep: (name: string, fn: (tx: Db) => Promise<void>) => Promise<void>;
  /** A first load into an empty database: indexes deferred and subtree counts computed once at the end. */
  bulk: boolean;
  /** The rollup triggers are off for this run's transaction: the county's subtree counts are computed once. */
  rebuildRollup?: boolean;
}

/** Whether this connection may switch triggers off for its own transaction (superuser; PGlite always). */
async function mayTurnOffTriggers(tx: Db): Promise<boolean> {
  const [row] = await rows<{ allowed: boolean }>(tx, sql`SELECT rolsuper AS allowed FROM pg_roles WHERE rolname = current_user`);
  return row?.allowed === true;
}

interface CountyFoundation {
  plan: DemoPlan;
  accountIds: Map<string, string>;
  county: TerritoryRef;
  nodeOf: (a: DemoAccount) => { id: string; name: string };
}

/**
 * A county's people and places from its profile: compounds down to residents, the five-level party
 * tree, leaders, grids, organisations and its demo accounts (the county's divisions are there already).
 */
async function loadCountyFoundation(
  deps: DemoDeps,
  profile: CountyProfile,
  accountsToMake: readonly DemoAccount[],
  run: LoadRun,
  progress: (step: string, done: number, total: number) => void,
): Promise<CountyFoundation> {
  const { cipher } = deps;
  const T = profile.tenantId;
  const territory = await rows<TerritoryRef & { kind: string }>(
    run.db,
    sql`SELECT id, parent_id AS "parentId", kind, name, code, path::text AS path, subkind FROM territory_node
        WHERE tenant_id = ${T} AND kind IN ('county', 'subdistrict', 'community') ORDER BY code`,
  );
  const county = territory.find((n) => n.kind === 'county') as TerritoryRef;
  const plan = generateDemoPlan(
    {
      county,
      subdistricts: territory.filter((n) => n.kind === 'subdistrict'),
      communities: territory.filter((n) => n.kind === 'community'),
    },
    profile,
  );

  // Encryption of the residents' phone and ID numbers (171,816 in 高密市) starts now on a worker thread and is
  // awaited at the residents step; the database inserts the buildings and households meanwhile.
  const residentsProtected = protectMany(
    [
      { kind: 'phone', values: plan.residents.map((r) => r.phone) },
      { kind: 'id_number', values: plan.residents.map((r) => r.idNumber) },
    ],
    deps,
  );
  residentsProtected.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile

  const { step, bulkStep } = run;
  // Indexes are rebuilt once after the big inserts on a first load only; a county loaded beside a running
  // server keeps them, so other counties' reads stay fast meanwhile.
  const deferringIndexes = <R>(tx: Db, table: string, methods: readonly string[], fn: () => Promise<R>) =>
    run.bulk ? withIndexesDeferred(tx, table, methods, fn) : fn();
  const nodeColumns = [
    'tenant_id',
    'id',
    'parent_id',
    'kind',
    'subkind',
    'name',
    'path',
    'depth',
    'lat',
    'lng',
    'attrs',
    'sort_order',
    'floor_area',
  ];
  const nodeValues = (list: NodeRow[]) =>
    list.map((n) => [
      T,
      n.id,
      n.parentId,
      n.kind,
      n.subkind,
      n.name,
      n.path,
      n.depth,
      n.lat,
      n.lng,
      JSON.stringify(n.attrs),
      n.sortOrder,
      n.floorArea ?? null,
    ]);
  const insert = async (tx: Db, stepName: string, table: string, columns: string[], values: unknown[][]) => {
    await insertRows(tx, table, columns, values, (done) => progress(stepName, done, values.length));
  };

  await bulkStep('buildings', async (tx) => {
    const nodes = [...plan.compounds, ...plan.buildings, ...plan.entrances];
    await insert(tx, 'buildings', 'territory_node', nodeColumns, nodeValues(nodes));
  });
  await bulkStep('households', async (tx) => {
    await deferringIndexes(tx, 'territory_node', ['gist', 'gin'], () =>
      insert(tx, 'households', 'territory_node', nodeColumns, nodeValues(plan.households)),
    );
  });
  await bulkStep('residents', async (tx) => {
    const [phone, idNumber] = (await residentsProtected) as [ProtectedColumnsOf, ProtectedColumnsOf];
    const values = plan.residents.map((r, i) => [
      T,
      r.id,
      r.householdId,
      r.name,
      r.gender,
      r.birthDate,
      r.relation,
      phone.enc[i],
      phone.hash[i],
      phone.masked[i],
      idNumber.enc[i],
      idNumber.hash[i],
      idNumber.masked[i],
      r.tags,
      r.isPartyMember,
    ]);
    const columns = ['tenant_id', 'id', 'household_id', 'name', 'gender', 'birth_date', 'relation'];
    columns.push(
      'phone_enc',
      'phone_hash',
      'phone_masked',
      'id_number_enc',
      'id_number_hash',
      'id_number_masked',
      'tags',
      'is_party_member',
    );
    await deferringIndexes(tx, 'resident', ['gin'], () => insert(tx, 'residents', 'resident', columns, values));
  });
  await bulkStep('party', async (tx) => {
    await insert(
      tx,
      'party',
      'party_org',
      ['tenant_id', 'id', 'parent_id', 'kind', 'name', 'node_id', 'path', 'secretary_id', 'established_on'],
      plan.partyOrgs.map((o) => [T, o.id, o.parentId, o.kind, o.name, o.nodeId, o.path, o.secretaryId, o.establishedOn]),
    );
    await insert(
      tx,
      'party',
      'party_member',
      ['tenant_id', 'id', 'resident_id', 'party_org_id', 'joined_on', 'status', 'in_service'],
      plan.partyMembers.map((m) => [T, m.id, m.residentId, m.partyOrgId, m.joinedOn, m.status, m.inService]),
    );
    await insert(
      tx,
      'party',
      'node_leader',
      ['tenant_id', 'id', 'node_id', 'resident_id', 'role', 'since'],
      plan.nodeLeaders.map((l) => [T, l.id, l.nodeId, l.residentId, l.role, l.since]),
    );
  });
  // The statement triggers were off for the bulk steps: the subtree counts are computed once now.
  if (run.bulk || run.rebuildRollup) await run.db.execute(sql`SELECT territory_rollup_rebuild(${T})`);
  await step('grids', async (tx) => {
    await insert(
      tx,
      'grids',
      'grid',
      ['tenant_id', 'id', 'community_id', 'parent_id', 'level', 'name', 'code'],
      plan.grids.map((g) => [T, g.id, g.communityId, g.parentId, g.level, g.name, g.code]),
    );
    await insert(
      tx,
      'grids',
      'grid_building',
      ['tenant_id', 'grid_id', 'building_id'],
      plan.gridBuildings.map((g) => [T, g.gridId, g.buildingId]),
    );
    await insert(
      tx,
      'grids',
      'grid_member',
      ['tenant_id', 'id', 'grid_id', 'role', 'resident_id', 'name'],
      plan.gridMembers.map((m) => [T, m.id, m.gridId, m.role, m.residentId, m.name]),
    );
  });
  await step('organisations', async (tx) => {
    await insert(
      tx,
      'organisations',
      'organisation',
      ['tenant_id', 'id', 'kind', 'name', 'node_id', 'state_owned', 'contact_name', 'phone_enc', 'phone_hash', 'phone_masked', 'attrs'],
      plan.organisations.map((o) => {
        const phone = cipher.protect(o.phone, 'phone');
        return [
          T,
          o.id,
          o.kind,
          o.name,
          o.nodeId,
          o.stateOwned,
          o.contactName,
          phone.enc,
          phone.hash,
          phone.masked,
          JSON.stringify(o.attrs),
        ];
      }),
    );
    await insert(
      tx,
      'organisations',
      'property_service',
      ['tenant_id', 'compound_id', 'organisation_id', 'since'],
      plan.propertyServices.map((p) => [T, p.compoundId, p.organisationId, p.since]),
    );
    await insert(
      tx,
      'organisations',
      'dual_registration',
      ['tenant_id', 'id', 'community_id', 'organisation_id', 'registered_on', 'services'],
      plan.dualRegistrations.map((d) => [T, d.id, d.communityId, d.organisationId, d.registeredOn, d.services]),
    );
  });

  // scrypt is deliberately slow; the hashes run in parallel on libuv's thread pool.
  const passwordHashes = await Promise.all(accountsToMake.map(() => hashPassword(DEMO_PASSWORD)));
  const accounts = accountPlan(plan, county);
  const accountIds = new Map(accountsToMake.map((a) => [a.username, newId()]));
  await step('accounts', async (tx) => {
    await insert(
      tx,
      'accounts',
      'account',
      ['id', 'tenant_id', 'username', 'display_name', 'password_hash', 'password_changed_at', 'must_change_password'],
      accountsToMake.map((a, i) => [
        accountIds.get(a.username),
        T,
        a.username,
        accounts.displayName(a),
        passwordHashes[i],
        new Date(),
        false,
      ]),
    );
    await insert(
      tx,
      'accounts',
      'role_grant',
      ['tenant_id', 'id', 'account_id', 'role', 'node_id'],
      accountsToMake.map((a) => [T, newId(), accountIds.get(a.username), a.role, accounts.nodeOf(a).id]),
    );
    const residentAccount = accountsToMake.find((a) => a.anchor === 'household');
    if (residentAccount) {
      await tx.execute(
        sql`UPDATE resident SET account_id = ${accountIds.get(residentAccount.username)}
            WHERE tenant_id = ${T} AND id = ${plan.anchors.resident.id}`,
      );
    }
    const gridAccount = accountsToMake.find((a) => a.role === 'grid_worker');
    if (gridAccount) {
      await insert(
        tx,
        'accounts',
        'grid_member',
        ['tenant_id', 'id', 'grid_id', 'role', 'account_id', 'name'],
        [[T, newId(), plan.anchors.gridId, 'grid_worker', accountIds.get(gridAccount.username), accounts.displayName(gridAccount)]],
      );
    }
  });
  return { plan, accountIds, county, nodeOf: accounts.nodeOf };
}

/**
 * Empties every tenant's data and loads the demo again. A documented developer action: the audit
 * trail is append-only, so its guard trigger is switched off inside this one transaction only.
 * The national division table (reference data, no tenant) is kept.
 */
export async function resetDemo(deps: DemoDeps, options: DemoOptions = {}): Promise<DemoSummary> {
  options.onProgress?.('reset', 0, 1);
  await deps.database.db.transaction(async (tx) => {
    const tables = await rows<{ table_name: string }>(
      tx,
      sql`SELECT DISTINCT c.table_name FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
          ORDER BY c.table_name`,
    );
    const list = ['tenant', ...tables.map((t) => t.table_name)].map((t) => `"${t.replace(/"/g, '""')}"`).join(', ');
    await tx.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    await tx.execute(sql.raw(`TRUNCATE ${list} CASCADE`));
    await tx.execute(sql`ALTER TABLE audit_event ENABLE TRIGGER USER`);
  });
  options.onProgress?.('reset', 1, 1);
  return loadDemo(deps, options);
}

function accountPlan(plan: DemoPlan, county: TerritoryRef) {
  const { anchors } = plan;
  const nodes: Record<DemoAccount['anchor'], { id: string; name: string }> = {
    county,
    subdistrict: anchors.subdistrict,
    community: anchors.community,
    propertyCompound: anchors.propertyCompound,
    ownersCompound: anchors.ownersCompound,
    household: anchors.household,
  };
  return {
    nodeOf: (a: DemoAccount) => nodes[a.anchor],
    displayName: (a: DemoAccount) => (a.anchor === 'household' ? anchors.resident.name : `演示${a.description.split('：')[0]}`),
  };
}

/** Row counts of the demo tenant, for the summary, the audit record and the tests. */
export async function countRows(db: Db, tenantId = DEMO_TENANT): Promise<Record<string, number>> {
  const row = await one<Record<string, number>>(
    db,
    sql`SELECT
      (SELECT count(*) FROM territory_node WHERE tenant_id = ${tenantId} AND kind = 'subdistrict') AS subdistricts,
      (SELECT count(*) FROM territory_node WHERE tenant_id = ${tenantId} AND kind = 'community') AS communities,
      (SELECT count(*) FROM territory_node WHERE tenant_id = ${tenantId} AND kind = 'community' AND subkind = 'urban') AS urban_communities,
      (SELECT count(*) FROM territory_node WHERE tenant_id = ${tenantId} AND kind = 'compound') AS compounds,
      (SELECT count(*) FROM territory_node WHERE tenant_id = ${tenantId} AND kind = 'building') AS buildings,
      (SELECT count(*) FROM territory_node WHERE tenant_id = ${tenantId} AND kind = 'entrance') AS entrances,
      (SELECT count(*) FROM territory_node WHERE tenant_id = ${tenantId} AND kind = 'household') AS households,
      (SELECT count(*) FROM resident WHERE tenant_id = ${tenantId}) AS residents,
      (SELECT count(*) FROM party_org WHERE tenant_id = ${tenantId} AND kind = 'subdistrict_committee') AS subdistrict_committees,
      (SELECT count(*) FROM party_org WHERE tenant_id = ${tenantId} AND kind = 'community_committee') AS community_committees,
      (SELECT count(*) FROM party_org WHERE tenant_id = ${tenantId} AND kind = 'compound_branch') AS compound_branches,
      (SELECT count(*) FROM party_org WHERE tenant_id = ${tenantId} AND kind = 'building_group') AS building_groups,
      (SELECT count(*) FROM party_org WHERE tenant_id = ${tenantId} AND kind = 'member_household') AS member_households,
      (SELECT count(*) FROM party_member WHERE tenant_id = ${tenantId}) AS party_members,
      (SELECT count(*) FROM node_leader WHERE tenant_id = ${tenantId} AND role = 'building_leader') AS building_leaders,
      (SELECT count(*) FROM node_leader WHERE tenant_id = ${tenantId} AND role = 'entrance_leader') AS entrance_leaders,
      (SELECT count(*) FROM grid WHERE tenant_id = ${tenantId} AND level = 'grid') AS grids,
      (SELECT count(*) FROM grid WHERE tenant_id = ${tenantId} AND level = 'micro_grid') AS micro_grids,
      (SELECT count(*) FROM grid_building WHERE tenant_id = ${tenantId}) AS grid_buildings,
      (SELECT count(*) FROM grid_member WHERE tenant_id = ${tenantId}) AS grid_members,
      (SELECT count(*) FROM organisation WHERE tenant_id = ${tenantId} AND kind = 'property_company') AS property_companies,
      (SELECT count(*) FROM organisation WHERE tenant_id = ${tenantId} AND kind = 'owners_committee') AS owners_committees,
      (SELECT count(*) FROM organisation WHERE tenant_id = ${tenantId} AND kind = 'property_management_committee') AS property_management_committees,
      (SELECT count(*) FROM property_service WHERE tenant_id = ${tenantId}) AS property_services,
      (SELECT count(*) FROM dual_registration WHERE tenant_id = ${tenantId}) AS dual_registrations,
      (SELECT count(*) FROM account WHERE tenant_id = ${tenantId}) AS accounts,
      (SELECT count(*) FROM role_grant WHERE tenant_id = ${tenantId}) AS role_grants,
      (SELECT count(*) FROM demand WHERE tenant_id = ${tenantId}) AS demands`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}
