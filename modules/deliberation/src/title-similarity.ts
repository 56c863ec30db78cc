/**
 * How alike two topic titles are, for the duplicates the merge picker suggests. The words come from
 * Intl.Segmenter('zh', { granularity: 'word' }) (ICU's dictionary; it splits community words it
 * does not know, such as 电动车, into single characters, which then still match each other). Words
 * that say where or how rather than what — 小区, 楼道, 单元, 损坏, 更换, 增设, 不足 … — are left out, so
 * that 楼道照明损坏 and 单元门禁损坏 do not look alike. The score is a Jaccard index over the word sets
 * weighted by word length (a one-character word weighs 1, a two-character word 2, longer ones 3):
 * 电动车飞线充电 ~ 增设电动车充电桩 0.63, 车棚充电桩数量不足 ~ 增设电动车充电桩 0.44, ~ 电动车飞线充电 0.27,
 * 文明养犬 ~ 文明养犬公约 0.67; unrelated titles of a compound score below 0.2. Pure: no node imports.
 */

/** Function words, places and the usual verbs of a complaint: they say nothing about what a topic is about. */
const NOT_WHAT: ReadonlySet<string> = new Set([
  ...['的', '了', '与', '和', '及', '或', '等', '被', '对', '在', '把', '将', '为', '是', '有', '不', '很', '太', '要'],
  ...['问题', '情况', '关于', '建议', '希望', '要求', '反映', '居民', '住户', '业主'],
  ...['小区', '社区', '街道', '楼道', '道', '单元', '楼', '号楼', '号', '栋', '幢', '层'],
  ...['损坏', '更换', '维修', '调整', '不足', '整治', '设置', '安装', '改造', '增设', '清理', '管理', '方案', '使用'],
  ...['争议', '纠纷', '不及时', '位置', '标准', '重新', '统一', '协商', '处理', '解决'],
]);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a title that say what it is about, each with its weight (its length, at most 3). */
export function titleWords(title: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const s of segmenter.segment(title.normalize('NFKC').toLowerCase())) {
    if (!s.isWordLike || NOT_WHAT.has(s.segment) || /^\d+$/.test(s.segment)) continue;
    words.set(s.segment, Math.min([...s.segment].length, 3));
  }
  return words;
}

/** Weighted Jaccard index of two word sets: 0 (nothing shared) to 1 (the same words). */
export function wordOverlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let union = 0;
  for (const [word, weight] of a) {
    union += weight;
    if (b.has(word)) shared += weight;
  }
  for (const [word, weight] of b) if (!a.has(word)) union += weight;
  return union === 0 ? 0 : shared / union;
}

/** How alike two titles are, 0 to 1. */
export const titleSimilarity = (a: string, b: string): number => wordOverlap(titleWords(a), titleWords(b));

/** The score from which a title counts as a likely duplicate. */
export const LIKELY_DUPLICATE = 0.2;
