import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStationWorld, type StationWorld } from '../station-testing.ts';
import { publishStationRules } from './publish-station-rules.ts';

let database: Database;
let w: StationWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildStationWorld(database);
});
afterAll(() => database.close());

const rules = (n: number) => ({
  scopeSummary: `第${n}版：安全监控、停车管理、公共资金使用`,
  procedure: '问题收集 → 确定议题 → 会议协商 → 跟踪问效',
  meetingRules: '一事一议，过半数同意',
});

describe('publishStationRules', () => {
  it('keeps every version with its author and time; the newest is in force', async () => {
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.compound.id, name: '凤凰小区议事站' });
    const first = await database.db.transaction((tx) => publishStationRules(tx, w.ctx.a, s.id, rules(1)));
    expect(first.rulesVersion).toBe(1);
    const second = await database.db.transaction((tx) =>
      publishStationRules(tx, w.ctx.street, s.id, { ...rules(2), note: ' 增加停车管理 ' }),
    );
    expect(second.rulesVersion).toBe(2);
    expect(second.rules.map((r) => [r.version, r.current, r.publishedByName, r.note])).toEqual([
      [2, true, 'staff.street', '增加停车管理'],
      [1, false, 'staff.a', null],
    ]);
    expect(second.rules[1]?.scopeSummary).toContain('第1版');
    expect(second.rules.every((r) => !Number.isNaN(Date.parse(r.publishedAt)))).toBe(true);
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'deliberation.station.rules_publish' AND target_id = $1",
      [s.id],
    );
    expect(audit?.n).toBe(2);
  });

  it('refuses empty rules and a station of another community; adds no version', async () => {
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.community.id, name: '社区议事厅', kind: 'hall' });
    const empty = await database.db
      .transaction((tx) => publishStationRules(tx, w.ctx.a, s.id, { scopeSummary: ' ', procedure: '', meetingRules: '' }))
      .catch((e: AppError) => e.code);
    expect(empty).toBe('invalid_input');
    const other = await database.db.transaction((tx) => publishStationRules(tx, w.ctx.b, s.id, rules(1))).catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    const [n] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM deliberation_station_rules WHERE station_id = $1', [
      s.id,
    ]);
    expect(n?.n).toBe(0);
  });
});
