/**
 * Chinese text → tokens for the demand classifier and similarity checks. Intl.Segmenter (ICU's
 * dictionary) gives the words; it splits community vocabulary such as 楼道 or 电动车 into single
 * characters, so the character bigrams of every Han run are added as extra features — they carry
 * the meaning whatever the segmenter did.
 */

/** Function words that say nothing about what a demand is about. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...['的', '了', '在', '是', '我', '有', '和', '就', '不', '人', '都', '一', '一个', '也', '很', '到', '说', '要', '去', '你'],
  ...['会', '着', '这', '那', '这个', '那个', '他', '她', '它', '我们', '你们', '他们', '吗', '呢', '吧', '啊', '呀', '哦', '嗯'],
  ...['请', '您', '与', '及', '或', '等', '把', '被', '对', '从', '为', '以', '之', '而', '但', '还', '又', '所', '该', '此'],
  ...['其', '些', '给', '让', '里', '么', '什么', '怎么', '能', '可以', '已经', '现在', '目前', '问题', '情况', '希望'],
]);

/** Particles at which a Han run is cut before its bigrams are taken (no 楼道的 → 道的). */
const BIGRAM_BREAKS = /[的了吗呢吧啊呀哦嗯着]/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Full-width forms to ASCII (NFKC), lower case, every run of digits to one 0. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\d+/g, '0');
}

/** Word-like segments, without stop words. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const segment of segmenter.segment(normalize(text))) {
    if (segment.isWordLike && !STOP_WORDS.has(segment.segment)) out.push(segment.segment);
  }
  return out;
}

/** Overlapping character pairs of each run of Han characters. */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of normalize(text).match(/\p{Script=Han}+/gu) ?? []) {
    for (const piece of run.split(BIGRAM_BREAKS)) {
      const chars = [...piece];
      for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
    }
  }
  return out;
}

/** The features of a text: its words, then its Han bigrams (a two-character word can appear as both). */
export function tokenize(text: string, options: { bigrams?: boolean } = {}): string[] {
  return options.bigrams === false ? words(text) : [...words(text), ...cjkBigrams(text)];
}
