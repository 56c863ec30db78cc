/**
 * Personal data in free text (a demand's description, a result, a rejection reason, an address
 * typed by a client): one masker for every text that leaves the staff app — the public notice
 * board, Open311, and the demand timeline of staff without a reveal. What it takes out:
 *
 * - resident identity numbers (18 characters with a final X, or 15 digits; also written in groups)
 *   → `370*************63`;
 * - mobile numbers, with or without +86 / 86 and separators → `139****0004`;
 * - landlines with an area code (`0536-2345678`, `(0536)2345678`, `+86 536 2345678`), with an
 *   extension → `0536-****678`;
 * - any other run of 7 or more digits (bank cards, local numbers, account numbers) → `62**********`;
 * - e-mail addresses → `z***@example.com`;
 * - doors: `3号楼2单元501`, `3栋2单元501室`, `2单元501`, `501室`, `3-1-502` keep the building and lose
 *   every other digit (`3号楼*单元***`);
 * - names after a label (联系人, 姓名, 户主, 业主, 来电人, 诉求人, 当事人, 联系, 我叫 …) and the
 *   names given by the caller (the reporter's own name) → `王**`.
 *
 * Full-width digits count as digits. Masking keeps the text readable; it errs on the side of
 * hiding (a date written as 20261120 is a run of 8 digits and is masked).
 */

/** 王小明 → 王**: a name is shown with its first character, like a masked phone. */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** Every digit of `s` as a star. */
const starDigits = (s: string) => s.replace(/\d/g, '*');

// Identity numbers: 18 characters (17 digits and a digit or X) or 15 digits, optionally grouped 6-8-4 / 6-6-3.
const ID_NUMBER = /(?<![\dA-Za-z])(?:[1-9]\d{5}[ -]?\d{8}[ -]?\d{3}[\dXx]|[1-9]\d{5}[ -]?\d{6}[ -]?\d{3})(?![\dA-Za-z])/g;
// Mobile numbers: 1[3-9]x xxxx xxxx with optional +86 / 0086 / 86 and single spaces or hyphens.
const MOBILE = /(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g;
// Landlines with an area code (0 + 2–3 digits, or without the 0 after +86), optionally an extension.
const LANDLINE =
  /(?<![\d+])((?:(?:\+|00)86[ -]?)(?:\(\d{2,3}\)|（\d{2,3}）|\d{2,3})|\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})([ -]?)(\d{7,8})((?:[ -]?(?:转|ext\.?|x|-)[ -]?\d{1,6})?)(?!\d)/gi;
// A request number (2026-0001234) is not personal data.
const LONG_DIGITS = /(?<!\d|(?:^|\D)\d{4}-)\d{7,}/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// Doors: building + unit + room, unit + room, room, and 3-1-502.
const BUILDING_DOOR =
  /(\d+)\s*(号楼|号|栋|幢|座|楼)\s*(\d+\s*(?:单元|门|号门)\s*)?(\d+\s*(?:室|户|号房|号)?|[A-Za-z]\d*\s*(?:室|户)?)(?=[^\d]|$)/g;
const UNIT_DOOR = /\d+\s*(?:单元|门)\s*\d+\s*(?:室|户|号房|号)?/g;
const ROOM = /\d+\s*(?:室|户|号房)/g;
const DASHED_DOOR = /(?<![\d-])\d{1,3}-\d{1,3}-\d{2,5}(?![\d-])/g;
// A label that always introduces a name, and one that may (联系, 我叫, 业主 …: a name follows only if it
// starts with a common surname — "联系王小明" but not "联系楼上住户").
const NAME_LABEL =
  /(联系人|联络人|姓名|名字|户主|来电人|报告人|反映人|诉求人|举报人|投诉人|当事人|申请人|收件人|业主|租户|房东|我叫|本人叫|联系)(\s*[:：]?\s*(?:是|为|叫)?\s*)([\u4e00-\u9fa5·]{2,3})/g;
const WEAK_LABELS = new Set(['联系', '业主', '租户', '房东', '我叫', '本人叫']);
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施牛樊葛邢安齐乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关焦俞左柳甘祝包宁尚舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝辛靳管柴蒙鲍华喻祁蒲滕屈饶解牟艾尤穆卓吉缪简项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟臧闵苟邬卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝萧',
]);
// Words after a label that are not names (联系电话, 联系方式, 业主委员会 …).
const NOT_A_NAME =
  /^(电话|方式|社区|物业|网格|我们|工作|不上|不到|过|了|上|后|人员|部门|一下|处理|解决|居委|街道|单位|手机|地址|住址|身份|情况|反映|要求|希望|已经|现在|家中|家里|没有|委员|大会|们|群|代表|多次|表示|称|说|自|都|也|和|与|及|等|同意|不同意|投诉|举报|意见|信息|未|无|对|在|的|认为)/;

function maskIdNumber(m: string): string {
  const digits = m.replace(/[ -]/g, '');
  return `${digits.slice(0, 3)}${stars(digits.length - 5)}${digits.slice(-2)}`;
}

function maskMobile(m: string): string {
  const digits = m.replace(/\D/g, '');
  const national = digits.slice(-11);
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

function maskLandline(_m: string, area: string, separator: string, number: string, extension: string): string {
  // Keep the area code and the last three digits of the number; hide the rest and any extension.
  return `${area}${separator}${stars(number.length - 3)}${number.slice(-3)}${starDigits(extension)}`;
}

function maskLabelledName(all: string, label: string, glue: string, name: string): string {
  if (NOT_A_NAME.test(name)) return all;
  if (WEAK_LABELS.has(label) && !SURNAMES.has(name[0] as string)) return all;
  return `${label}${glue}${maskName(name)}`;
}

/** Full-width digits and letters X as their ASCII forms, so they are found like the others. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９Ｘｘ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * The text with personal data masked (see the module comment); `names` are names known to belong to
 * people in this text (the reporter's), masked wherever they occur.
 */
export function maskPersonalText(text: string, names: readonly (string | null | undefined)[] = []): string {
  let out = asciiDigits(text);
  for (const name of names) {
    const n = name?.trim();
    if (n && [...n].length >= 2) out = out.split(n).join(maskName(n) as string);
  }
  out = out
    .replace(EMAIL, (m) => `${m[0]}***${m.slice(m.indexOf('@'))}`)
    .replace(ID_NUMBER, maskIdNumber)
    .replace(MOBILE, maskMobile)
    .replace(LANDLINE, maskLandline)
    .replace(LONG_DIGITS, (m) => `${m.slice(0, 2)}${stars(m.length - 2)}`)
    .replace(DASHED_DOOR, starDigits)
    .replace(BUILDING_DOOR, (_m, building: string, kind: string, unit: string | undefined, door: string) => {
      return `${building}${kind}${unit ? starDigits(unit) : ''}${starDigits(door)}`;
    })
    .replace(UNIT_DOOR, starDigits)
    .replace(ROOM, starDigits)
    .replace(NAME_LABEL, maskLabelledName);
  return out;
}

/** A public text: masked, and cut to `max` characters (with …) when longer. */
export function publicText(text: string, max: number, names: readonly (string | null | undefined)[] = []): string {
  const masked = maskPersonalText(text, names);
  const chars = [...masked];
  return chars.length <= max ? masked : `${chars.slice(0, max - 1).join('')}…`;
}
