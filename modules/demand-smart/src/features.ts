/**
 * Features of a demand's text for the classifier, in the variants that a retrain chooses among by
 * cross-validation (./model-selection.ts):
 * - `words`: the words of Intl.Segmenter('zh', { granularity: 'word' }) without stop words;
 * - `words+bigrams`: those and the character bigrams of every Han run (the first classifier's features);
 * - `words+chars13`: the words and the character 1-, 2- and 3-grams of every Han run;
 * - `chars13`: the character 1–3-grams alone.
 * Before any of them the text is cleaned of what every message carries whatever it is about — the
 * greeting (尊敬的领导：您好！), the 12345 operator's frame (市民来电反映：… 请相关单位核实处理), the
 * closing (谢谢！此致敬礼), dates, times, phone numbers, and the address (…小区3号楼2单元301室) —
 * so that a long letter weighs by what it says, not by its politeness.
 */
import { normalize, STOP_WORDS } from './tokenize.ts';

export const FEATURE_SETS = ['words', 'words+bigrams', 'words+chars13', 'chars13'] as const;
export type FeatureSet = (typeof FEATURE_SETS)[number];

/** Greetings, operator frames, closings: phrases that say nothing about what a demand is about. */
const BOILERPLATE: readonly RegExp[] = [
  /尊敬的[\p{Script=Han}]{0,6}[：:，,]?/gu,
  /(领导|市长|书记|同志|工作人员)?(您|你)们?好[！!，,。]?/gu,
  /(领导|市长)好[！!，,。]?/gu,
  /(12345)?(热线|转办|市民|群众|来电人?|网民|居民)?(来电|来信|留言)?(反映|反应|称|咨询|表示|诉求|要求)[：:，,]/gu,
  /12345(热线|转办)?[：:]/gu,
  /来电人?/gu,
  /请(相关|有关)?(部门|单位)?(核实|尽快)?(处理|办理|回复|解决)(并回复来电人)?[。！!]?/gu,
  /(此致)?敬礼[！!。]?/gu,
  /(非常|万分)?(感谢|谢谢)(您|你们|领导)?[！!。]?/gu,
  /(盼|期待|希望)(回复|答复)[！!。]?/gu,
  /麻烦(你们|您)?了?[！!。，]?/gu,
  /辛苦了?[！!。]?/gu,
  /打扰了?[，,！!。]?/gu,
];

/** Dates, times, phone numbers, room numbers: digits in their usual frames. */
const NUMBERS: readonly RegExp[] = [
  /\d{2,4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*[日号])?/gu,
  /\d{1,2}\s*月\s*\d{1,2}\s*[日号]/gu,
  /\d{1,2}\s*[:：点时]\s*(\d{1,2}\s*分?)?/gu,
  /1[3-9]\d[\d*]{4}\d{4}/gu,
  /\d+(号楼|栋|幢|单元|室|号|层|楼)/gu,
  /\d+-\d+(-\d+)?/gu,
];

/** The text without greetings, operator frames, closings, dates, phone and door numbers. */
export function cleanText(text: string): string {
  let out = text.normalize('NFKC');
  for (const pattern of NUMBERS) out = out.replace(pattern, ' ');
  for (const pattern of BOILERPLATE) out = out.replace(pattern, ' ');
  return out;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const BREAKS = /[的了吗呢吧啊呀哦嗯着]/u;

function words(text: string, out: string[]): void {
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike && !STOP_WORDS.has(segment.segment)) out.push(segment.segment);
  }
}

function charGrams(text: string, from: number, to: number, out: string[]): void {
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (const piece of run.split(BREAKS)) {
      const chars = [...piece];
      for (let n = from; n <= to; n += 1) {
        for (let i = 0; i + n <= chars.length; i += 1) {
          const gram = n === 1 ? chars[i]! : chars.slice(i, i + n).join('');
          if (n > 1 || !STOP_WORDS.has(gram)) out.push(n === 1 ? `${gram}_` : gram);
        }
      }
    }
  }
}

/** The features of a text in one of the feature sets (a feature may occur several times). */
export function featurize(text: string, set: FeatureSet): string[] {
  const clean = normalize(cleanText(text));
  const out: string[] = [];
  if (set !== 'chars13') words(clean, out);
  if (set === 'words+bigrams') charGrams(clean, 2, 2, out);
  else if (set === 'words+chars13' || set === 'chars13') charGrams(clean, 1, 3, out);
  return out;
}
