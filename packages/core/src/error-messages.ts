/**
 * Error messages in the caller's language. Commands write their messages and reasons in English
 * (the API's language, kept in logs and tests); for a caller whose Accept-Language prefers Chinese,
 * the error handler puts each message and reason through these rules and keeps the English one in
 * `messageEn` / `reasonEn`. A message no rule knows stays in English — a missing translation never
 * hides an error. Rules are tried in order; the first match wins.
 */

type Rule = [RegExp, string | ((...groups: string[]) => string)];

const noun: Record<string, string> = {
  Demand: '诉求',
  Attachment: '附件',
  'Attachment file': '附件文件',
  Category: '诉求类别',
  Community: '社区',
  Grid: '网格',
  Household: '住户',
  'Grid member': '网格成员',
  'Import job': '导入任务',
  'Import mapping': '导入映射',
  Leader: '楼栋长',
  Notification: '通知',
  'Party organisation': '党组织',
  Place: '地点',
  Resident: '居民',
  'Territory node': '区划节点',
  Theme: '每月一题',
  Account: '账号',
  Organisation: '组织',
  Department: '部门',
};

const rules: Rule[] = [
  // Whole messages
  [/^The input is not valid$/, '输入有误'],
  [/^Please sign in$/, '请先登录'],
  [/^Your session has (expired|ended).*$/, '会话已过期，请重新登录'],
  [/^You do not have permission for this action$/, '您没有执行此操作的权限'],
  [/^Permission ([a-z_.]+) is required(?: (?:for|on) (.+))?$/, (a, where) => `需要 ${a} 权限${where ? `（${place(where)}）` : ''}`],
  [/^Permission ([a-z_.]+) or ([a-z_.]+) is required.*$/, (a, b) => `需要 ${a} 或 ${b} 权限`],
  [/^(.+?) ([0-9a-f-]{36}|\S+) not found$/, (what, id) => `${noun[what] ?? what}（${id}）不存在或无权查看`],
  [/^(.+?) not found$/, (what) => `${noun[what] ?? what}不存在或无权查看`],
  [/^A record with the same key already exists$/, '已存在相同的记录'],
  [/^A referenced record does not exist or is still in use$/, '引用的记录不存在或仍在使用中'],
  [/^A value is not valid for its field$/, '某个字段的值无效'],
  [/^Missing or wrong CSRF token.*$/, '安全令牌缺失或错误，请刷新页面后重试'],
  [/^This account is disabled$/, '该账号已停用'],
  [/^Invalid user name or password$/, '用户名或密码错误'],
  [/^Invalid user name or password, or the account is temporarily locked$/, '用户名或密码错误，或账号已被暂时锁定'],
  [/^The user name (.+) is taken$/, (u) => `用户名 ${u} 已被占用`],
  [/^A demand with this external id is already registered$/, '该外部工单号已登记'],
  [/^This Idempotency-Key was already used for another request$/, '该幂等键已用于另一请求'],
  [/^A mapping with this name already exists$/, '已有同名的导入映射'],
  [/^A category with this code exists$/, '类别编码已存在'],
  [/^A category with this name exists at this place in the tree$/, '同一位置已有同名类别'],
  [/^A sibling named (.+) already exists$/, (n) => `同级已有名为 ${n} 的节点`],
  [/^The code (.+) is already used$/, (c) => `编码 ${c} 已被使用`],
  [/^You cannot change your own roles$/, '不能修改自己的角色'],
  [/^You cannot disable your own account$/, '不能停用自己的账号'],
  [/^The county has no territory yet$/, '本县尚未建立区划'],
  [/^The file is not a readable \.xlsx workbook$/, '文件不是可读取的 .xlsx 工作簿'],
  [/^The CSV file cannot be read$/, '无法读取该 CSV 文件'],
  [/^Old Excel \(\.xls\) files are not supported.*$/, '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 后上传'],
  [/^The workbook is too large or damaged once uncompressed.*$/, '工作簿解压后过大或已损坏，未读取任何内容'],
  [/^A (\w+) file may be at most (\d+) MB$/, (t, n) => `${t} 文件不能超过 ${n} MB`],
  [/^At most (\d+) uploads a day may wait to be attached to a demand$/, (n) => `每天最多 ${n} 个未关联诉求的上传`],
  [/^The demand was changed meanwhile.*$/, '该诉求已被他人修改，请刷新后重试'],
  [/^.*was changed meanwhile.*$/, '记录已被他人修改，请刷新后重试'],
  [/^a demand at a county department cannot be escalated further$/, '已在县级部门办理，不能再提级'],
  [/^Too many failed logins; the account is locked until (.+)$/, (t) => `登录失败次数过多，账号锁定至 ${t}`],
  [/^Too many requests; retry in (\d+) s$/, (n) => `请求过于频繁，请 ${n} 秒后重试`],
  [/^Your password has expired; please change it$/, '密码已过期，请修改密码'],

  // Field reasons
  [/^is required$/, '必填'],
  [/^must not be (blank|empty)$/, '不能为空'],
  [/^is empty$/, '为空'],
  [/^is not valid$/, '无效'],
  [/^is not an accepted field$/, '不是可接受的字段'],
  [/^is in the future$/, '不能晚于当前时间'],
  [/^lies in the future$/, '不能晚于当前时间'],
  [/^is before from$/, '早于开始时间'],
  [/^appears twice$/, '重复出现'],
  [/^is used twice$/, '重复使用'],
  [/^duplicates row (\d+)$/, (r) => `与第 ${r} 行重复`],
  [/^is too large$/, '过大'],
  [/^is not a number$/, '不是数字'],
  [/^is longer than (\d+) characters$/, (n) => `超过 ${n} 个字符`],
  [/^is not a valid phone number$/, '不是有效的电话号码'],
  [/^is not a mainland mobile number or a landline with area code$/, '不是有效的手机号或带区号的座机号'],
  [/^is not a valid 18-digit resident identity number.*$/, '不是有效的18位居民身份证号'],
  [/^is not a real date as YYYY-MM-DD$/, '不是有效日期（YYYY-MM-DD）'],
  [/^is not a place in this county$/, '不是本县的地点'],
  [/^is not a territory node$/, '不是区划节点'],
  [/^is not a household$/, '不是住户'],
  [/^not found$/, '不存在或无权查看'],
  [/^is not a community$/, '不是社区'],
  [/^is not a resident$/, '不是居民'],
  [/^is not a party member$/, '不是党员'],
  [/^is not an active account$/, '不是有效账号'],
  [/^is not an active demand category$/, '不是启用的诉求类别'],
  [/^is not a demand category of this county$/, '不是本县的诉求类别'],
  [/^is not an active department of this county$/, '不是本县启用的部门'],
  [/^is not a demand you can see$/, '不是您可查看的诉求'],
  [/^is set by staff intake only$/, '仅限工作人员登记时填写'],
  [/^is required for a caller$/, '来电人必须填写'],
  [/^an anonymous demand carries no name or phone$/, '匿名诉求不能填写姓名或电话'],
  [/^a resident submits through mobile or web$/, '居民只能通过手机或网页提交'],
  [/^lat and lng go together$/, '经度和纬度须同时填写'],
  [/^is not an upload of yours waiting to be attached$/, '不是您上传的待关联附件'],
  [/^at most (\d+) files per demand and stage$/, (n) => `每个诉求每个环节最多 ${n} 个附件`],
  [/^the file is empty$/, '文件为空'],
  [/^the archive has (\d+) entries \(at most (\d+)\)$/, (n, m) => `工作簿内含 ${n} 个文件（最多 ${m} 个），未读取`],
  [/^the archive inflates to more than (\d+) MB$/, (n) => `工作簿解压后超过 ${n} MB，未读取`],
  [/^an entry is compressed more than (\d+) to 1$/, (n) => `工作簿内有文件压缩比超过 ${n}:1（疑似压缩炸弹），未读取`],
  [/^an entry is not the size it declares$/, '工作簿内有文件的实际大小与声明不符（疑似压缩炸弹），未读取'],
  [/^not an \.xlsx file$/, '不是 .xlsx 文件，请上传 Excel 工作簿（.xlsx）或 CSV 文件'],
  [/^unsupported compression method (\d+)$/, (m) => `工作簿使用了不支持的压缩方式（${m}），未读取`],
  [/^damaged (zip64 directory|central directory|zip64 entry|entry header|compressed data)$/, '工作簿已损坏，未读取'],
  [/^truncated entry$/, '工作簿不完整（文件被截断），未读取'],
  [/^unsupported compression method (\d+)$/, (n) => `工作簿使用了不支持的压缩方式 ${n}`],
  [/^(?:damaged|truncated) (?:central directory|zip64 directory|zip64 entry|entry header|entry|compressed data)$/, '工作簿压缩包已损坏'],
  [/^the file has no data rows$/, '文件没有数据行'],
  [/^the file needs a name with an extension$/, '文件名需带扩展名'],
  [/^the content is (\w+) but the name ends in \.(\w+)$/, (a, b) => `文件内容是 ${a}，但扩展名是 .${b}`],
  [/^only (.+) files are accepted.*$/, (list) => `只接受 ${list} 文件`],
  [/^send the file as multipart\/form-data$/, '请以 multipart/form-data 上传文件'],
  [/^is not a well-formed multipart\/form-data body$/, '不是格式正确的 multipart/form-data 请求体'],
  [/^contains a NUL character$/, '含有空字符（NUL）'],
  [/^belongs to another sort order; start again from the first page$/, '分页游标属于另一种排序，请从第一页重新开始'],
  [/^required column is missing$/, '缺少必需的列'],
  [/^column appears more than once$/, '列重复出现'],
  [/^not a cursor returned by this API$/, '分页游标无效'],
  [/^is not the current password$/, '当前密码错误'],
  [/^must differ from the current password$/, '新密码不能与当前密码相同'],
  [/^must have 1 to (\d+) characters$/, (n) => `长度须为 1 到 ${n} 个字符`],
  [/^another node under the same parent already has this name$/, '同级已有同名节点'],
  [/^was used for a different request$/, '已用于另一请求'],
  [/^must be after the current deadline (.+)$/, (d) => `须晚于当前期限 ${d}`],
  [/^the reopening window of (\d+) days after the evaluation has passed$/, (n) => `已超过评价后 ${n} 天的重办期限`],
  // Schema validation (ajv)
  [/^must have required property '(.+)'$/, (p) => `缺少必填字段 ${p}`],
  [/^must NOT have fewer than (\d+) characters$/, (n) => `不能少于 ${n} 个字符`],
  [/^must NOT have more than (\d+) characters$/, (n) => `不能超过 ${n} 个字符`],
  [/^must NOT have fewer than (\d+) items$/, (n) => `不能少于 ${n} 项`],
  [/^must NOT have more than (\d+) items$/, (n) => `不能超过 ${n} 项`],
  [/^must NOT have duplicate items.*$/, '不能有重复项'],
  [/^must match format "uuid"$/, '不是有效的编号'],
  [/^must match format "date-time"$/, '不是有效的日期时间'],
  [/^must match format "date"$/, '不是有效的日期'],
  [/^must match format "(.+)"$/, (f) => `格式不正确（${f}）`],
  [/^must match pattern .*$/, '格式不正确'],
  [/^must be equal to one of the allowed values$/, '不是允许的取值'],
  [/^must be equal to constant$/, '取值不正确'],
  [/^must be (string|integer|number|boolean|object|array|null)$/, (t) => `类型应为${typeName(t)}`],
  [/^must be (<=|>=|<|>) (-?[\d.]+)$/, (op, n) => `须${{ '<=': '不大于', '>=': '不小于', '<': '小于', '>': '大于' }[op]} ${n}`],
  [/^must match a schema in anyOf$/, '取值不正确'],
];

const typeNames: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: '布尔值',
  object: '对象',
  array: '列表',
  null: '空值',
};
const typeName = (t: string) => typeNames[t] ?? t;
const place = (p: string) => (p === 'this place' ? '此地点' : p === 'this community' ? '本社区' : p.replace(/^this /, '此'));

/** The Chinese form of one English message or reason, or undefined when no rule knows it. */
export function toChinese(text: string): string | undefined {
  for (const [pattern, replacement] of rules) {
    const m = pattern.exec(text);
    if (!m) continue;
    return typeof replacement === 'string' ? replacement : replacement(...m.slice(1).map((g) => g ?? ''));
  }
  return undefined;
}

/** Does an Accept-Language header prefer Chinese? (zh, zh-CN, zh-Hans… ranked above English) */
export function prefersChinese(acceptLanguage: string | undefined): boolean {
  if (!acceptLanguage) return false;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('zh') ?? false;
}

interface ErrorPayload {
  code: string;
  message: string;
  details?: unknown;
}

/**
 * The error body for a Chinese-speaking caller: message and every `reason` translated where a rule
 * knows them, the English kept beside as messageEn / reasonEn.
 */
export function localiseError(error: ErrorPayload): ErrorPayload & { messageEn?: string } {
  // An error whose Chinese text depends on data (e.g. the labels of what blocks a territory merge) carries it itself.
  const own = (error.details as { messageZh?: unknown } | undefined)?.messageZh;
  const message = typeof own === 'string' ? own : toChinese(error.message);
  const localiseDetail = (d: unknown): unknown => {
    if (!d || typeof d !== 'object' || typeof (d as { reason?: unknown }).reason !== 'string') return d;
    const reason = (d as { reason: string }).reason;
    const zh = toChinese(reason);
    return zh ? { ...d, reason: zh, reasonEn: reason } : d;
  };
  const details = Array.isArray(error.details) ? error.details.map(localiseDetail) : localiseDetail(error.details);
  return {
    ...error,
    ...(message ? { message, messageEn: error.message } : {}),
    ...(error.details !== undefined ? { details } : {}),
  };
}
