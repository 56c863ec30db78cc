import { type DemoSeedContext, newId } from '@linli/core';
import { rows, type Tx } from '@linli/db';
import { territory, territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { StationRepository } from './station.repository.ts';
import type { StationLevel, StationSchedule } from './station-contract.ts';

/** 周六有约: every Saturday 9:00–11:00, when working residents can come. */
const saturdayAppointment: StationSchedule = { freq: 'weekly', weekdays: [6], start: '09:00', end: '11:00', note: '周六有约' };

const rules = {
  scopeSummary:
    '可议事项：小区安全监控、停车管理、公共资金使用、环境卫生、绿化养护、公共设施维修、物业服务质量、文明公约、邻里纠纷调解。\n不议事项：涉及个人隐私、违反法律法规、应由政府部门依法处理、已进入司法程序、与本小区无关、宗教事务。',
  procedure: '问题收集（心愿箱、板凳会、入户走访）→ 对照正负面清单确定议题 → 召开议事会协商 → 形成决议并公示 → 跟踪问效、结果公开',
  meetingRules:
    '小区党组织、业委会、物业服务企业代表为常驻席位，议题涉及居民为流动席位；一事一议，充分发言，少数服从多数，尊重少数意见；会议记录当场签字确认。',
};

interface PlanNode {
  id: string;
  name: string;
  path: string;
  lat?: number | null;
  lng?: number | null;
}

interface SeedStation {
  name: string;
  kind: string;
  level: StationLevel;
  node: PlanNode;
  room: string;
  areaM2: number;
  lat: number | null;
  lng: number | null;
  schedule: StationSchedule;
}

async function insertAll(tx: Tx, tenantId: string, stations: SeedStation[]): Promise<void> {
  for (let i = 0; i < stations.length; i += 200) {
    const chunk = stations.slice(i, i + 200).map((s) => ({ ...s, id: newId() }));
    const values: SQL[] = chunk.map(
      (s) => sql`(${tenantId}, ${s.id}::uuid, ${s.name}, ${s.kind}, ${s.level}, ${s.node.id}::uuid, ${s.node.path}::ltree, ${s.room},
        ${s.areaM2}, ${s.lat}, ${s.lng}, ${JSON.stringify(s.schedule)}::jsonb)`,
    );
    await tx.execute(sql`INSERT INTO deliberation_station
        (tenant_id, id, name, kind, level, node_id, node_path, room, area_m2, lat, lng, schedule)
      VALUES ${sql.join(values, sql`, `)}`);
    const rulesValues: SQL[] = chunk.map(
      (s) =>
        sql`(${tenantId}, ${s.id}::uuid, 1, ${rules.scopeSummary}, ${rules.procedure}, ${rules.meetingRules}, ${'首次张贴'}, ${'社区党委'})`,
    );
    await tx.execute(sql`INSERT INTO deliberation_station_rules
        (tenant_id, station_id, version, scope_summary, procedure, meeting_rules, note, published_by_name)
      VALUES ${sql.join(rulesValues, sql`, `)}`);
  }
}

/**
 * Demo stations. 谯城区 (a county whose profile names its own kind): a 毫议站 in every compound. 高密市: its venues 德邻议事厅 (the anchor community), 三官一律工作室 (the anchor
 * street) and 老娘舅拉呱室 (a compound, in its property room), and a 议事站 in every compound (谯城区's
 * 毫议站 model), all with 周六有约 and posted rules. The county adds its own kind 拉呱室 to the list.
 * 文山市 (a profile counting its compound venues): its party service stations, pavilions and neighbour
 * spaces, as many as its report says.
 */
export async function seedStationDemo(ctx: DemoSeedContext): Promise<void> {
  const { tenantId } = ctx;
  // A county with its own name for compound stations (谯城区's 毫议站) has those, one per compound, only.
  const ownKind = (ctx.shared.profile as { deliberation?: { stationKind?: { code: string; name: string } } } | undefined)?.deliberation
    ?.stationKind;
  const plan = ctx.shared.plan as
    | { compounds?: PlanNode[]; anchors?: { subdistrict?: PlanNode; community?: PlanNode; propertyCompound?: PlanNode } }
    | undefined;
  const db = ctx.database.db;
  const compounds = await rows<PlanNode>(
    db,
    sql`SELECT c.id, c.name, c.path::text AS path FROM ${territorySql.nodes('c')}
        WHERE c.tenant_id = ${tenantId} AND c.kind = 'compound' ORDER BY c.path`,
  );
  if (!compounds.length) return;
  const points = new Map((plan?.compounds ?? []).map((c) => [c.id, c]));
  const at = (node: PlanNode) => ({ lat: points.get(node.id)?.lat ?? null, lng: points.get(node.id)?.lng ?? null });
  const anchorCompound = plan?.anchors?.propertyCompound ?? compounds[0]!;
  const community = plan?.anchors?.community ?? (await territory.ancestorOfKind(db, tenantId, anchorCompound.path, 'community'));
  const street = plan?.anchors?.subdistrict ?? (await territory.ancestorOfKind(db, tenantId, anchorCompound.path, 'subdistrict'));
  const near = (dLat: number, dLng: number) => {
    const p = at(anchorCompound);
    return p.lat === null || p.lng === null ? { lat: null, lng: null } : { lat: p.lat + dLat, lng: p.lng + dLng };
  };

  const venues: SeedStation[] = [];
  if (community && !ownKind)
    venues.push({
      name: '德邻议事厅',
      kind: 'hall',
      level: 'community',
      node: community,
      room: '社区党群服务中心二楼',
      areaM2: 80,
      ...near(0.004, -0.003),
      schedule: saturdayAppointment,
    });
  if (street && !ownKind)
    venues.push({
      name: '三官一律工作室',
      kind: 'studio',
      level: 'street',
      node: street,
      room: '街道综治中心一楼',
      areaM2: 45,
      ...near(-0.006, 0.005),
      schedule: { freq: 'weekly', weekdays: [4], start: '14:30', end: '17:00', note: '法官、检察官、警官、律师轮流坐班' },
    });
  if (!ownKind)
    venues.push({
      name: '老娘舅拉呱室',
      kind: 'chat_room',
      level: 'compound',
      node: anchorCompound,
      room: '物业用房一楼',
      areaM2: 20,
      ...near(0.0006, 0.0004),
      schedule: { freq: 'weekly', weekdays: [2, 6], start: '15:00', end: '17:00', note: '周六有约，周二加开' },
    });
  const rooms = ['物业用房', '小区党群驿站', '闲置岗亭', '架空层活动室'];
  const perCompound: SeedStation[] = compounds.map((c, i) => ({
    name: `${c.name}${ownKind?.name ?? '议事站'}`,
    kind: ownKind?.code ?? 'station',
    level: 'compound',
    node: c,
    room: rooms[i % rooms.length]!,
    areaM2: 12 + ((i * 7) % 30),
    ...at(c),
    schedule: saturdayAppointment,
  }));
  // A county whose profile counts its compound venues (文山市: 65 party service stations, 51 议事亭
  // pavilions, 34 neighbour spaces) has exactly those, in different compounds, and no other stations.
  const counted = (
    ctx.shared.profile as { property?: { compoundStations?: number; pavilions?: number; neighbourSpaces?: number } } | undefined
  )?.property;
  const countedKinds = counted?.compoundStations
    ? [
        { code: 'party_station', name: '党群服务站', n: counted.compoundStations, room: '小区党群服务站' },
        { code: 'pavilion', name: '议事亭', n: counted.pavilions ?? 0, room: '小区广场' },
        { code: 'neighbour_space', name: '邻里空间', n: counted.neighbourSpaces ?? 0, room: '架空层活动室' },
      ]
    : [];
  if (countedKinds.length) {
    venues.length = 0;
    perCompound.length = 0;
    // Every third compound in path order, then the ones between: spread over the communities.
    const order = [0, 1, 2].flatMap((r) => compounds.filter((_, i) => i % 3 === r));
    let next = 0;
    for (const k of countedKinds) {
      for (let i = 0; i < k.n; i++, next++) {
        const c = order[next % order.length]!;
        perCompound.push({
          name: `${c.name}${k.name}`,
          kind: k.code,
          level: 'compound',
          node: c,
          room: k.room,
          areaM2: 15 + ((next * 7) % 40),
          ...at(c),
          schedule: saturdayAppointment,
        });
      }
    }
  }

  await db.transaction(async (tx) => {
    const stations = new StationRepository(tx);
    await stations.ensureKinds(tenantId);
    if (ownKind) await stations.saveKind(tenantId, { code: ownKind.code, name: ownKind.name, sortOrder: 5 });
    else if (countedKinds.length) {
      await stations.saveKind(tenantId, { code: 'party_station', name: '党群服务站', sortOrder: 6 });
      await stations.saveKind(tenantId, { code: 'neighbour_space', name: '邻里空间', sortOrder: 65 });
    } else await stations.saveKind(tenantId, { code: 'chat_room', name: '拉呱室', sortOrder: 60 });
    await insertAll(tx, tenantId, venues);
    ctx.progress(venues.length, venues.length + perCompound.length);
    await insertAll(tx, tenantId, perCompound);
    ctx.progress(venues.length + perCompound.length, venues.length + perCompound.length);
  });
}
