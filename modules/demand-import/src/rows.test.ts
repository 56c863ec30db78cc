import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DemandImportConfig } from './contract.ts';
import { inspectTable, readSourceFile } from './parser.ts';
import { hotline12345Config, nyc311Config } from './presets.ts';
import { checkHeader, mapRows, timesFor } from './rows.ts';

const nycFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/nyc311_2013-12-25.csv');
const now = new Date('2026-06-01T00:00:00Z');

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);
const chinese: DemandImportConfig = { ...hotline12345Config, defaults: { ...hotline12345Config.defaults, categoryCode: null } };
const header = '工单编号,受理时间,办结时间,工单状态,标题,诉求内容,诉求类型,诉求分类,所属社区,事发地址,来电人,来电号码,办理结果';

describe('reading and mapping work-order files', () => {
  it('reads the real NYC 311 export: 2,386 rows, one closed before it was created', async () => {
    const { table, errors } = await readSourceFile('nyc311.csv', fs.readFileSync(nycFile));
    expect(errors).toEqual([]);
    expect(table.rows).toHaveLength(2386);
    expect(table.headers).toHaveLength(52);
    expect(checkHeader(table, nyc311Config)).toEqual([]);
    const mapped = mapRows(table.rows, nyc311Config, { now });
    expect(mapped.errors).toEqual([
      {
        row: 2072,
        column: 'Closed Date',
        reason: 'closed before it was created (12/25/2013 12:00:00 AM)',
        value: '10/30/2013 12:00:00 AM',
      },
    ]);
    expect(mapped.rows).toHaveLength(2385);
    const first = mapped.rows[0]!;
    expect(first).toMatchObject({
      row: 2,
      externalId: '26984072',
      title: 'Blocked Driveway',
      description: 'No Access / Street/Sidewalk',
      channel: 'hotline_12345',
      type: 'complaint',
      categoryCode: 'illegal_parking',
      status: 'closed',
      address: '952 EAST 58 STREET',
      lat: 40.63186547963468,
      lng: -73.92053369143751,
    });
    expect(first.submittedAt.toISOString()).toBe('2013-12-26T04:59:08.000Z');
    expect(first.closedAt?.toISOString()).toBe('2013-12-26T06:15:00.000Z');
    const count = (status: string) => mapped.rows.filter((r) => r.status === status).length;
    expect(count('closed')).toBe(2302);
    expect(count('submitted')).toBe(46);
    expect(count('accepted')).toBe(17); // Pending 18, one of them closed before it was created
    // Open rows have no closed date; an unmapped complaint type falls to the default category.
    expect(mapped.rows.find((r) => r.externalId === '26996604')).toMatchObject({
      status: 'submitted',
      closedAt: null,
      categoryCode: 'elevator',
    });
    const consumer = mapped.rows.filter((r) => r.title === 'Consumer Complaint');
    expect(consumer).toHaveLength(10);
    expect(consumer.every((r) => r.categoryCode === 'other')).toBe(true);
  });

  it('reports every problem of every row with its row, column, reason and value', () => {
    const lines = [
      header,
      'A1,2026-03-01 08:30:00,2026-02-28 08:00:00,已归档,路灯不亮,小区门口路灯不亮,投诉,路灯照明,,,张三,13812345678,已修复',
      'A2,2026-13-01 08:30:00,,神秘状态,,,,未知分类,,,,12345,',
      'A1,2026-03-02 08:30:00,,已办结,,有人反映,,,,,李四,,',
      ',,,,,,,,,,,,',
      'A5,2027-03-02 08:30:00,,,,,,,,,,,',
    ];
    const table = {
      headers: header.split(','),
      headerRow: 1,
      rows: lines
        .slice(1)
        .map((l, i) => ({ row: i + 2, cells: Object.fromEntries(header.split(',').map((h, j) => [h, l.split(',')[j] ?? ''])) })),
    };
    const { rows, errors } = mapRows(table.rows, chinese, { now, categories: new Map([['路灯照明', 'street_light']]) });
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: '办结时间', reason: 'closed before it was created (2026-03-01 08:30:00)', value: '2026-02-28 08:00:00' },
      { row: 3, column: '受理时间', reason: 'is not a date in the format YYYY-MM-DD HH:mm:ss', value: '2026-13-01 08:30:00' },
      { row: 3, column: '工单状态', reason: 'unknown status value; add it to the status value map', value: '神秘状态' },
      { row: 3, column: '诉求内容', reason: 'is empty (and so is the title)' },
      { row: 3, column: '诉求分类', reason: 'unknown category value and the mapping has no default category', value: '未知分类' },
      { row: 3, column: '来电号码', reason: 'is not a valid mobile or landline number', value: '12345' },
      { row: 4, column: '工单编号', reason: 'the same external id is already in row 2', value: 'A1' },
      { row: 4, column: '办结时间', reason: 'a resolved work order needs its closed date' },
      { row: 4, column: '诉求分类', reason: 'unknown category value and the mapping has no default category' },
      { row: 4, column: '来电人', reason: 'a reporter with a name needs a phone number (as at intake)', value: '李四' },
      { row: 5, column: '工单编号', reason: 'is required' },
      { row: 5, column: '受理时间', reason: 'is required' },
      { row: 5, column: '诉求内容', reason: 'is empty (and so is the title)' },
      { row: 5, column: '诉求分类', reason: 'unknown category value and the mapping has no default category' },
      { row: 6, column: '受理时间', reason: 'is in the future', value: '2027-03-02 08:30:00' },
      { row: 6, column: '诉求内容', reason: 'is empty (and so is the title)' },
      { row: 6, column: '诉求分类', reason: 'unknown category value and the mapping has no default category' },
    ]);
  });

  it('maps values through the value maps, ignoring case, and understands our own names and codes', () => {
    const table = {
      headers: header.split(','),
      headerRow: 1,
      rows: [
        {
          row: 2,
          cells: {
            工单编号: 'B1',
            受理时间: '2026-03-01 08:30:00',
            办结时间: '2026-03-02 10:00:00',
            工单状态: '已办结',
            诉求内容: '楼上噪音\n每天晚上',
            诉求类型: '求助',
            诉求分类: 'noise',
            来电人: '王小明',
            来电号码: '138-1234-5678',
            办理结果: '已协调',
          },
        },
      ],
    };
    const { rows, errors } = mapRows(table.rows, chinese, { now, categories: new Map([['noise', 'noise']]) });
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      title: '楼上噪音',
      type: 'help',
      categoryCode: 'noise',
      status: 'resolved',
      reporterName: '王小明',
      reporterPhone: '13812345678',
      resolution: '已协调',
    });
    expect(rows[0]!.closedAt?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('reports a mapped column the file does not have once, on the header row', async () => {
    const { table } = await readSourceFile('x.csv', csv(['Unique Key,Created Date', '1,12/25/2013 11:59:08 PM']));
    const errors = checkHeader(table, nyc311Config);
    expect(errors).toContainEqual({ row: 1, column: 'Closed Date', reason: 'column of closedAt is missing from the file' });
    expect(errors.every((e) => e.row === 1)).toBe(true);
  });

  it('reads XLSX date cells as wall-clock time and keeps the spreadsheet row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['工单编号', '受理时间']);
    sheet.addRow([]);
    sheet.addRow([12345, new Date(Date.UTC(2026, 2, 1, 8, 30, 0))]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const { table } = await readSourceFile('orders.xlsx', data);
    expect(table.rows).toEqual([{ row: 3, cells: { 工单编号: '12345', 受理时间: '2026-03-01 08:30:00' } }]);
  });

  it('gives CSV rows their line number when a quoted cell spans lines, and inspects distinct values', async () => {
    const { table } = await readSourceFile('x.csv', csv(['id,text,kind', '1,"two', 'lines",a', '2,plain,b', '3,again,a']));
    expect(table.rows.map((r) => r.row)).toEqual([2, 4, 5]);
    const inspection = inspectTable(table);
    expect(inspection.headers).toEqual(['id', 'text', 'kind']);
    expect(inspection.values.kind).toEqual(['a', 'b']);
    expect(inspection.samples[0]).toEqual({ id: '1', text: 'two\r\nlines', kind: 'a' });
  });

  it('refuses a file that is not a workbook, and an empty one', async () => {
    await expect(readSourceFile('x.xlsx', Buffer.from('not a zip'))).rejects.toMatchObject({ code: 'unprocessable' });
    expect((await readSourceFile('x.csv', Buffer.from(''))).errors).toEqual([{ row: 1, column: '', reason: 'the file is empty' }]);
  });
});

describe('times of an imported work order by its status', () => {
  const d = (s: string) => new Date(s);
  const none = { acceptedAt: null, dispatchedAt: null, resolvedAt: null, closedAt: null };

  it('derives the acceptance from the earliest later step the source dates, never a dispatch', () => {
    expect(timesFor('closed', { ...none, dispatchedAt: d('2026-05-01T02:00:00Z'), closedAt: d('2026-05-02T00:00:00Z') })).toEqual({
      respondedAt: d('2026-05-01T02:00:00Z'),
      dispatchedAt: d('2026-05-01T02:00:00Z'),
      resolvedAt: d('2026-05-02T00:00:00Z'),
      closedAt: d('2026-05-02T00:00:00Z'),
      acceptedFromSource: false,
      dispatchedFromSource: true,
      derived: ['resolvedAt', 'respondedAt'],
    });
    // A rejection is the response: dated by the closed date when the source has one.
    expect(timesFor('rejected', { ...none, closedAt: d('2026-05-02T00:00:00Z') })).toMatchObject({
      respondedAt: d('2026-05-02T00:00:00Z'),
      resolvedAt: null,
      closedAt: null,
      derived: ['respondedAt'],
    });
    expect(timesFor('accepted', none)).toMatchObject({ respondedAt: null, derived: [] });
  });

  it('drops the times of steps the status has not reached (the source status is authoritative)', () => {
    const all = {
      acceptedAt: d('2026-05-01T01:00:00Z'),
      dispatchedAt: d('2026-05-01T02:00:00Z'),
      resolvedAt: d('2026-05-01T03:00:00Z'),
      closedAt: d('2026-05-01T04:00:00Z'),
    };
    expect(timesFor('submitted', all)).toMatchObject({ respondedAt: null, dispatchedAt: null, resolvedAt: null, closedAt: null });
    expect(timesFor('accepted', all)).toMatchObject({ respondedAt: all.acceptedAt, dispatchedAt: null, resolvedAt: null });
    expect(timesFor('resolved', all)).toMatchObject({ resolvedAt: all.resolvedAt, closedAt: null, acceptedFromSource: true });
  });
});
