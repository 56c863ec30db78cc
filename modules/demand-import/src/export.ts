import { toXlsx } from '@linli/core';
import type { DemandImportConfig, ImportField } from './contract.ts';
import { formatSourceDate } from './dates.ts';
import type { ExportRow } from './import.repository.ts';

// Writing demands back in a mapping's column layout, so the source (the 12345 centre) can take the
// file in again, and the empty template of a mapping. The value maps are applied in reverse.

/** The order in which fields claim a header; a header two fields share (NYC: title and category) is written once. */
const fieldOrder: ImportField[] = [
  'externalId',
  'submittedAt',
  'acceptedAt',
  'dispatchedAt',
  'resolvedAt',
  'closedAt',
  'status',
  'title',
  'description',
  'category',
  'channel',
  'type',
  'node',
  'address',
  'lat',
  'lng',
  'reporterName',
  'reporterPhone',
  'resolution',
];

export interface LayoutColumn {
  header: string;
  field: ImportField;
  /** Position among the description columns (the full text goes into the first). */
  part: number;
}

export function layoutOf(config: DemandImportConfig): LayoutColumn[] {
  const out: LayoutColumn[] = [];
  const taken = new Set<string>();
  for (const field of fieldOrder) {
    const value = config.columns[field];
    const headers = Array.isArray(value) ? value : value ? [value] : [];
    headers.forEach((header, part) => {
      if (taken.has(header)) return;
      taken.add(header);
      out.push({ header, field, part });
    });
  }
  return out;
}

/** The first source value the map sends to `code`. */
function reverse(map: Record<string, string>, code: string): string | undefined {
  for (const [source, target] of Object.entries(map)) if (target === code) return source;
  return undefined;
}

/** Our states that an import cannot set are written as the nearest one it can. */
const exportStatus: Record<string, string> = { returned: 'accepted', evaluated: 'resolved' };

function cell(row: ExportRow, c: LayoutColumn, config: DemandImportConfig): string | number | null {
  const { valueMaps, dateFormat, timeZone } = config;
  switch (c.field) {
    case 'externalId':
      return row.externalId;
    case 'submittedAt':
      return formatSourceDate(row.submittedAt, dateFormat, timeZone);
    case 'closedAt': {
      // With a resolved column, a resolved (not closed) demand has no closed date; without one, its resolution is its closed date.
      const at = row.closedAt ?? (config.columns.resolvedAt ? null : row.resolvedAt);
      return at ? formatSourceDate(at, dateFormat, timeZone) : null;
    }
    case 'acceptedAt':
      return row.respondedAt ? formatSourceDate(row.respondedAt, dateFormat, timeZone) : null;
    case 'dispatchedAt':
      return row.dispatchedAt ? formatSourceDate(row.dispatchedAt, dateFormat, timeZone) : null;
    case 'resolvedAt':
      return row.resolvedAt ? formatSourceDate(row.resolvedAt, dateFormat, timeZone) : null;
    case 'status': {
      const status = exportStatus[row.status] ?? row.status;
      return reverse(valueMaps.status, status) ?? status;
    }
    case 'title':
      return row.title;
    case 'description':
      return c.part === 0 ? row.description : null;
    case 'category':
      return reverse(valueMaps.category, row.categoryCode) ?? row.categoryName;
    case 'channel':
      return reverse(valueMaps.channel, row.channel) ?? row.channel;
    case 'type':
      return reverse(valueMaps.type, row.type) ?? row.type;
    case 'node':
      return row.nodeCode ?? row.nodeName;
    case 'address':
      return row.address;
    case 'lat':
      return row.lat;
    case 'lng':
      return row.lng;
    case 'reporterName':
      return row.reporterName;
    case 'reporterPhone':
      return row.reporterPhone;
    case 'resolution':
      return row.result;
    case 'department':
      return row.departmentCode ? (reverse(valueMaps.department ?? {}, row.departmentCode) ?? row.departmentName) : null;
  }
}

/** The demands in the mapping's columns, then our number and status for reference. */
export function exportWorkbook(config: DemandImportConfig, rows: ExportRow[]): Promise<Buffer> {
  const layout = layoutOf(config);
  const columns = [
    ...layout.map((c, i) => ({ header: c.header, key: `c${i}`, width: Math.max(12, Math.min(40, c.header.length + 4)) })),
    { header: 'Linli 编号', key: 'number', width: 14 },
    { header: 'Linli 状态', key: 'linliStatus', width: 12 },
  ];
  const values = rows.map((r) => {
    const v: Record<string, unknown> = { number: r.number, linliStatus: r.status };
    layout.forEach((c, i) => {
      v[`c${i}`] = cell(r, c, config);
    });
    return v;
  });
  return toXlsx([{ name: '工单', columns, rows: values }]);
}

const fieldLabels: Record<ImportField, string> = {
  externalId: '外部工单号 external id（必填；再次导入时按它更新）',
  submittedAt: '受理时间 created（必填）',
  acceptedAt: '签收时间 accepted',
  dispatchedAt: '派单时间 dispatched',
  resolvedAt: '办理完成时间 resolved',
  closedAt: '办结时间 closed',
  status: '状态 status',
  title: '标题 title',
  description: '诉求内容 description（必填）',
  channel: '渠道 channel',
  department: '承办部门 handling department（部门编码或名称）',
  type: '类型 type',
  category: '分类 category',
  node: '地点 place（区划代码或名称）',
  address: '地址 address',
  lat: '纬度 latitude',
  lng: '经度 longitude',
  reporterName: '诉求人 reporter name',
  reporterPhone: '联系电话 reporter phone',
  resolution: '办理结果 resolution',
};

/** An empty file with the mapping's header, and a sheet explaining each column and value map. */
export function templateWorkbook(config: DemandImportConfig): Promise<Buffer> {
  const layout = layoutOf(config);
  const help: Record<string, unknown>[] = layout.map((c) => ({ column: c.header, field: fieldLabels[c.field] }));
  help.push({ column: '', field: `日期格式 date format: ${config.dateFormat}（${config.timeZone}）` });
  for (const [name, map] of Object.entries(config.valueMaps)) {
    for (const [source, target] of Object.entries(map as Record<string, string>))
      help.push({ column: source, field: `${name} → ${target}` });
  }
  return toXlsx([
    { name: '工单', columns: layout.map((c, i) => ({ header: c.header, key: `c${i}` })), rows: [] },
    {
      name: '填写说明',
      columns: [
        { header: '列 column', key: 'column', width: 30 },
        { header: '含义 meaning', key: 'field', width: 60 },
      ],
      rows: help,
    },
  ]);
}
