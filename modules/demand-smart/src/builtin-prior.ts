/**
 * The built-in prior of a county's retrain: the synthetic corpus (./synthetic-demands.ts, in the
 * default taxonomy's codes) and the per-category corpus (./category-texts.ts, leaf codes, filled
 * with a sample place), labelled with the codes the county's own demands use — a text keeps its
 * code when the county uses it, takes its parent's when the county files at the top category, and
 * is left out otherwise. Cross-validation decides how much it weighs (0 when it does not help).
 */
import { BUILTIN_CATEGORY_CODES } from './builtin.ts';
import { DEFAULT_PARENT_CODES, fillSamplePlace, generateCategoryTexts } from './category-texts.ts';
import type { Example } from './classifier.ts';
import { generateDemands } from './synthetic-demands.ts';

export const BUILTIN_PRIOR = { synthetic: 3000, households: 1500, villages: 500, seed: 7 } as const;

let corpus: { text: string; code: string }[] | undefined;

function builtinCorpus(): { text: string; code: string }[] {
  if (!corpus) {
    corpus = [
      ...generateDemands({ count: BUILTIN_PRIOR.synthetic, seed: BUILTIN_PRIOR.seed }).map((d) => ({
        text: d.text,
        code: BUILTIN_CATEGORY_CODES[d.category],
      })),
      ...generateCategoryTexts({ count: BUILTIN_PRIOR.households, villageCount: BUILTIN_PRIOR.villages, seed: BUILTIN_PRIOR.seed }).map(
        (t) => ({ text: fillSamplePlace(`${t.title}\n${t.description}`), code: t.code }),
      ),
    ];
  }
  return corpus;
}

/** The built-in texts labelled with the county's category codes (`labels`), as prior examples. */
export function builtinPrior(labels: Iterable<string>): Example[] {
  const used = new Set(labels);
  const out: Example[] = [];
  for (const { text, code } of builtinCorpus()) {
    const parent = DEFAULT_PARENT_CODES[code];
    const label = used.has(code) ? code : parent !== undefined && used.has(parent) ? parent : undefined;
    if (label !== undefined) out.push({ text, label });
  }
  return out;
}
