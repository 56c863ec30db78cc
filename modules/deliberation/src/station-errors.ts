import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of deliberation stations, in both languages (pure: the web may read it); spread into the manifest's errors. */
export const stationErrors = defineErrors('deliberation', {
  station_place_level: {
    status: 'invalid_input',
    'en-US': '{place} is a {kind}: a station sits on a compound, a community or a subdistrict',
    'zh-CN': '{place}不是小区、社区或街道，不能设议事阵地',
  },
  station_kind_unknown: {
    status: 'invalid_input',
    'en-US': 'Station kind {kind} is not on the county list',
    'zh-CN': '议事阵地类型“{kind}”不在本县（市、区）的类型清单中',
  },
  station_name_taken: {
    status: 'conflict',
    'en-US': '{place} already has a station named {name}',
    'zh-CN': '{place}已有名为“{name}”的议事阵地',
  },
  station_changed: {
    status: 'conflict',
    'en-US': 'The station was changed meanwhile (version {version}, you saw {seen})',
    'zh-CN': '议事阵地已被他人修改（当前版本 {version}，您看到的是 {seen}），请刷新后再改',
  },
  station_rules_empty: {
    status: 'invalid_input',
    'en-US': 'Posted rules need at least one of scope summary, procedure and meeting rules',
    'zh-CN': '议事规则至少要填写事项范围、议事流程、会议规则中的一项',
  },
  station_photo_type: {
    status: 'invalid_input',
    'en-US': 'Only JPEG, PNG and WebP photos up to {mb} MB are accepted',
    'zh-CN': '只接受不超过 {mb} MB 的 JPEG、PNG、WebP 照片',
  },
  station_photos_full: {
    status: 'conflict',
    'en-US': 'A station keeps at most {max} photos',
    'zh-CN': '每个议事阵地最多保存 {max} 张照片',
  },
});

/** What a 404 names. */
export const stationNouns = {
  station: { 'zh-CN': '议事阵地', 'en-US': 'deliberation station' },
  photo: { 'zh-CN': '议事阵地照片', 'en-US': 'station photo' },
  rules: { 'zh-CN': '议事规则版本', 'en-US': 'posted rules version' },
} as const satisfies Record<string, Noun>;
