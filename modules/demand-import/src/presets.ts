import type { DemandImportConfig, ImportPreset } from './contract.ts';

// Built-in mappings a user starts from and saves under their own name (then edits the value maps).

const nycCategories: Record<string, string> = {
  // Housing (HPD): the building's owner answers, as a property company does here.
  HEATING: 'property_service',
  'HEAT/HOT WATER': 'property_service',
  'GENERAL CONSTRUCTION': 'property_service',
  'General Construction/Plumbing': 'property_service',
  'PAINT - PLASTER': 'property_service',
  'PAINT/PLASTER': 'property_service',
  ELECTRIC: 'property_service',
  NONCONST: 'property_service',
  APPLIANCE: 'property_service',
  GENERAL: 'property_service',
  Boilers: 'property_service',
  'Maintenance or Facility': 'property_service',
  PLUMBING: 'leakage',
  Mold: 'leakage',
  'Indoor Sewage': 'leakage',
  Elevator: 'elevator',
  // Streets and utilities.
  'Street Condition': 'road',
  'Highway Condition': 'road',
  'Sidewalk Condition': 'road',
  'Root/Sewer/Sidewalk Condition': 'road',
  'Traffic Signal Condition': 'road',
  'Street Sign - Damaged': 'road',
  'Street Sign - Missing': 'road',
  'Street Sign - Dangling': 'road',
  'Highway Sign - Missing': 'road',
  Traffic: 'road',
  Snow: 'road',
  'Street Light Condition': 'street_light',
  'Water System': 'water_supply',
  Sewer: 'water_supply',
  'Water Conservation': 'water_supply',
  // Parking.
  'Blocked Driveway': 'illegal_parking',
  'Illegal Parking': 'illegal_parking',
  'Derelict Vehicle': 'illegal_parking',
  'Derelict Vehicles': 'illegal_parking',
  'Derelict Bicycle': 'illegal_parking',
  // Neighbourhood.
  Noise: 'noise',
  'Noise - Commercial': 'noise',
  'Noise - Street/Sidewalk': 'noise',
  'Noise - Vehicle': 'noise',
  'Noise - Helicopter': 'noise',
  'Noise - House of Worship': 'noise',
  'Noise - Residential': 'noise',
  'Animal Abuse': 'pets',
  'Unleashed Dog': 'pets',
  // Environment.
  'Dirty Conditions': 'garbage',
  'Sanitation Condition': 'garbage',
  'Missed Collection (All Materials)': 'garbage',
  'Overflowing Litter Baskets': 'garbage',
  'Litter Basket / Request': 'garbage',
  'Recycling Enforcement': 'garbage',
  Graffiti: 'garbage',
  'Vacant Lot': 'garbage',
  Rodent: 'environment',
  'Damaged Tree': 'greenery',
  'Overgrown Tree/Branches': 'greenery',
  'Air Quality': 'sewage_fumes',
  'Indoor Air Quality': 'sewage_fumes',
  // Safety and building use.
  'Building/Use': 'illegal_building',
  'Special Projects Inspection Team (SPIT)': 'illegal_building',
  'Hazardous Materials': 'safety',
  'Fire Safety Director - F58': 'safety',
  // Benefits and information requests.
  'Benefit Card Replacement': 'social_assistance',
  SCRIE: 'social_assistance',
  'DOF Literature Request': 'policy',
  'DOT Literature Request': 'policy',
};

/** NYC Open Data "311 Service Requests" as exported from Socrata (52 columns, US dates, New York time). */
export const nyc311Config: DemandImportConfig = {
  columns: {
    externalId: 'Unique Key',
    submittedAt: 'Created Date',
    closedAt: 'Closed Date',
    // The export dates no acceptance or dispatch. 'Resolution Action Updated Date' is the agency's last
    // update, not the resolution: in the 2013-12-25 file it is after the Closed Date on 28 rows and set on
    // 49 open ones, so it is not mapped; 'Due Date' is the agency's own deadline (ours come from the
    // category rules). Accepted times are therefore derived (README: import times).
    acceptedAt: null,
    dispatchedAt: null,
    resolvedAt: null,
    status: 'Status',
    title: 'Complaint Type',
    description: ['Descriptor', 'Location Type'],
    channel: null,
    type: null,
    category: 'Complaint Type',
    node: null,
    address: 'Incident Address',
    lat: 'Latitude',
    lng: 'Longitude',
    reporterName: null,
    reporterPhone: null,
    resolution: null,
  },
  defaults: { channel: 'hotline_12345', type: 'complaint', categoryCode: 'other', nodeId: null },
  valueMaps: {
    channel: {},
    type: {},
    category: nycCategories,
    status: {
      Open: 'submitted',
      Unassigned: 'submitted',
      Pending: 'accepted',
      Assigned: 'dispatched',
      Started: 'in_progress',
      'In Progress': 'in_progress',
      Closed: 'closed',
    },
  },
  dateFormat: 'MM/DD/YYYY hh:mm:ss A',
  timeZone: 'America/New_York',
};

/** A common layout of county 12345 hotline exports (Chinese headers, Beijing time). */
export const hotline12345Config: DemandImportConfig = {
  columns: {
    externalId: '工单编号',
    submittedAt: '受理时间',
    closedAt: '办结时间',
    // Many 12345 exports have 签收时间 / 派单时间 columns too: map them when the file has them.
    acceptedAt: null,
    dispatchedAt: null,
    resolvedAt: null,
    status: '工单状态',
    title: '标题',
    description: ['诉求内容'],
    channel: null,
    type: '诉求类型',
    category: '诉求分类',
    node: '所属社区',
    address: '事发地址',
    lat: null,
    lng: null,
    reporterName: '来电人',
    reporterPhone: '来电号码',
    resolution: '办理结果',
  },
  defaults: { channel: 'hotline_12345', type: 'complaint', categoryCode: 'other', nodeId: null },
  valueMaps: {
    channel: {},
    type: { 咨询: 'enquiry', 求助: 'help', 投诉: 'complaint', 建议: 'suggestion', 举报: 'report', 表扬: 'praise' },
    category: {},
    status: {
      待受理: 'submitted',
      已受理: 'accepted',
      不予受理: 'rejected',
      已派单: 'dispatched',
      办理中: 'in_progress',
      已办结: 'resolved',
      已归档: 'closed',
      已关闭: 'closed',
    },
  },
  dateFormat: 'YYYY-MM-DD HH:mm:ss',
  timeZone: 'Asia/Shanghai',
};

export const importPresets: ImportPreset[] = [
  { key: 'nyc311', name: 'NYC 311 (Socrata export)', config: nyc311Config },
  { key: 'hotline12345', name: '12345 热线工单（通用格式）', config: hotline12345Config },
];
