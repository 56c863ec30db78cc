/**
 * Choosing the classifier's setting by cross-validation on a county's own handled demands, at every
 * retrain: features (./features.ts), the naive Bayes variant and its smoothing α. Each candidate is
 * scored by stratified k-fold cross-validation (default 5 folds) on up to `maxExamples` examples
 * (a stratified sample of them when there are more); the one with the best accuracy wins (ties:
 * the better mean recall over the classes, then the simpler setting, as listed). Its
 * cross-validated accuracy and per-class recall are what the county sees on the settings page.
 *
 * Variants, all on log(1 + tf) term weights with each training text scaled to unit length, so a
 * 3,000-character letter counts as much as a one-line message:
 * - `multinomial`: multinomial naive Bayes with the classes' shares as priors;
 * - `balanced`: the same with equal priors (a small class is not pulled into the largest);
 * - `complement`: complement naive Bayes (Rennie et al. 2003) — each class is scored by how little
 *   the text resembles the other classes, which holds up better when classes differ in size.
 */
import { FEATURE_SETS, type FeatureSet, featurize } from './features.ts';
import { seededRandom, shuffled } from './random.ts';

export const VARIANTS = ['multinomial', 'balanced', 'complement'] as const;
export type Variant = (typeof VARIANTS)[number];
export const ALPHAS = [0.01, 0.03, 0.1, 0.3, 1] as const;
export const PRIOR_WEIGHTS = [0, 0.1, 0.3, 1] as const;

export interface ModelSetting {
  features: FeatureSet;
  variant: Variant;
  alpha: number;
  /** Weight of each built-in prior text against one of the county's own (0: the county's texts alone). */
  priorWeight: number;
}

export interface ClassRecall {
  label: string;
  support: number;
  recall: number;
}

export interface CrossValidation {
  setting: ModelSetting;
  folds: number;
  /** Examples cross-validated (a stratified sample when the county has more than `maxExamples`). */
  examples: number;
  accuracy: number;
  /** Mean of the per-class recalls (balanced accuracy). */
  meanRecall: number;
  perClass: ClassRecall[];
}

export interface SelectionOptions {
  folds?: number;
  seed?: number;
  /** Most examples to cross-validate on (default 2000): the grid costs about folds × candidates passes over them. */
  maxExamples?: number;
  featureSets?: readonly FeatureSet[];
  variants?: readonly Variant[];
  alphas?: readonly number[];
  /**
   * Texts that say what each label is about before the county has many of its own (the built-in
   * corpus, labelled with the county's codes); added to every training fold with a weight from
   * `priorWeights`, never to a held-out fold. Labels the county does not use are ignored.
   */
  prior?: readonly { text: string; label: string }[];
  priorWeights?: readonly number[];
  /** Cross-validate the whole grid instead of the two stages. */
  exhaustive?: boolean;
}

export interface Selection {
  best: CrossValidation;
  /** Every candidate's accuracy, best first. */
  candidates: { setting: ModelSetting; accuracy: number; meanRecall: number }[];
}

/** A text's features as weights: log(1 + tf), optionally scaled to unit length (L2). */
export function weigh(tokens: readonly string[], unit: boolean): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  let norm = 0;
  for (const [t, n] of tf) {
    const w = Math.log1p(n);
    tf.set(t, w);
    norm += w * w;
  }
  if (unit && norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (const [t, w] of tf) tf.set(t, w * scale);
  }
  return tf;
}

interface Encoded {
  ids: Int32Array;
  /** Unit-length weights (training). */
  unit: Float64Array;
  /** log(1 + tf) weights (scoring). */
  raw: Float64Array;
}

function encode(tokens: readonly string[], vocabulary: Map<string, number>): Encoded {
  const raw = weigh(tokens, false);
  let norm = 0;
  for (const w of raw.values()) norm += w * w;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const ids = new Int32Array(raw.size);
  const unitW = new Float64Array(raw.size);
  const rawW = new Float64Array(raw.size);
  let i = 0;
  for (const [t, w] of raw) {
    let id = vocabulary.get(t);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(t, id);
    }
    ids[i] = id;
    unitW[i] = w * scale;
    rawW[i] = w;
    i += 1;
  }
  return { ids, unit: unitW, raw: rawW };
}

/** Stratified fold of each example (0 … folds − 1), by a seeded shuffle within each label. */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l) ?? [];
    list.push(i);
    byLabel.set(l, list);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    shuffled(random, byLabel.get(label)!).forEach((index, k) => {
      fold[index] = (k + offset) % folds;
    });
    offset += byLabel.get(label)!.length;
  }
  return fold;
}

/** A stratified sample of at most `max` indices (all when fewer), in input order. */
export function stratifiedSample(labels: readonly string[], max: number, seed: number): number[] {
  if (labels.length <= max) return labels.map((_, i) => i);
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l) ?? [];
    list.push(i);
    byLabel.set(l, list);
  });
  const keep: number[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const list = byLabel.get(label)!;
    keep.push(...shuffled(random, list).slice(0, Math.max(1, Math.round((list.length * max) / labels.length))));
  }
  return keep.sort((a, b) => a - b);
}

/**
 * Cross-validates every candidate setting and returns the best with its per-class recall. Examples
 * are `{ text, label }`; `tokensFor` may supply a text's features when the caller has them cached.
 */
export function selectSetting(examples: readonly { text: string; label: string }[], options: SelectionOptions = {}): Selection {
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 42;
  const featureSets = options.featureSets ?? FEATURE_SETS;
  const variants = options.variants ?? VARIANTS;
  const alphas = options.alphas ?? ALPHAS;
  const priorWeights = options.prior && options.prior.length > 0 ? (options.priorWeights ?? PRIOR_WEIGHTS) : [0];
  const sample = stratifiedSample(
    examples.map((e) => e.label),
    options.maxExamples ?? 2000,
    seed,
  ).map((i) => examples[i]!);
  const labelNames = [...new Set(sample.map((e) => e.label))].sort();
  if (labelNames.length < 2) throw new RangeError('cross-validation needs examples of at least two labels');
  const L = labelNames.length;
  const labelOf = sample.map((e) => labelNames.indexOf(e.label));
  const fold = stratifiedFolds(
    sample.map((e) => e.label),
    folds,
    seed,
  );
  const support = new Array<number>(L).fill(0);
  for (const l of labelOf) support[l]! += 1;

  const run = (features: FeatureSet, variants: readonly Variant[], alphas: readonly number[], priorWeights: readonly number[]) => {
    const results: CrossValidation[] = [];
    const vocabulary = new Map<string, number>();
    const docs = sample.map((e) => encode(featurize(e.text, features), vocabulary));
    const priorDocs = (options.prior ?? [])
      .filter((e) => labelNames.includes(e.label))
      .map((e) => ({ label: labelNames.indexOf(e.label), doc: encode(featurize(e.text, features), vocabulary) }));
    const V = vocabulary.size;
    const priorCounts = new Float64Array(priorDocs.length > 0 ? L * V : 0);
    const priorDocCount = new Float64Array(L);
    for (const { label, doc } of priorDocs) {
      for (let k = 0; k < doc.ids.length; k += 1) priorCounts[label * V + doc.ids[k]!]! += doc.unit[k]!;
      priorDocCount[label]! += 1;
    }
    // Per fold: class counts of the documents in it; a training set is all counts less its fold's.
    const foldCounts = Array.from({ length: folds }, () => new Float64Array(L * V));
    const foldDocs = Array.from({ length: folds }, () => new Float64Array(L));
    docs.forEach((d, i) => {
      const counts = foldCounts[fold[i]!]!;
      const base = labelOf[i]! * V;
      for (let k = 0; k < d.ids.length; k += 1) counts[base + d.ids[k]!]! += d.unit[k]!;
      foldDocs[fold[i]!]![labelOf[i]!]! += 1;
    });
    const all = new Float64Array(L * V);
    const allDocs = new Float64Array(L);
    for (let f = 0; f < folds; f += 1) {
      for (let x = 0; x < L * V; x += 1) all[x]! += foldCounts[f]![x]!;
      for (let l = 0; l < L; l += 1) allDocs[l]! += foldDocs[f]![l]!;
    }
    // hits[weight][variant][alpha] → per label correct; counted over every fold.
    const hits = priorWeights.map(() => variants.map(() => alphas.map(() => new Array<number>(L).fill(0))));
    const counts = new Float64Array(L * V);
    const tokenTotal = new Float64Array(V);
    const labelTotal = new Float64Array(L);
    const logp = new Float64Array(L * V);
    for (let f = 0; f < folds; f += 1) {
      for (let wi = 0; wi < priorWeights.length; wi += 1) {
        const weight = priorWeights[wi]!;
        const held = foldCounts[f]!;
        tokenTotal.fill(0);
        labelTotal.fill(0);
        for (let l = 0; l < L; l += 1) {
          for (let t = 0; t < V; t += 1) {
            const c = all[l * V + t]! - held[l * V + t]! + (weight > 0 ? weight * priorCounts[l * V + t]! : 0);
            const v = c > 1e-12 ? c : 0;
            counts[l * V + t] = v;
            tokenTotal[t]! += v;
            labelTotal[l]! += v;
          }
        }
        let grand = 0;
        for (let l = 0; l < L; l += 1) grand += labelTotal[l]!;
        let trainDocs = 0;
        const priors = new Float64Array(L);
        for (let l = 0; l < L; l += 1) trainDocs += allDocs[l]! - foldDocs[f]![l]!;
        for (let l = 0; l < L; l += 1) priors[l] = Math.log(Math.max(allDocs[l]! - foldDocs[f]![l]!, 1e-9) / trainDocs);
        let seen = 0;
        for (let t = 0; t < V; t += 1) if (tokenTotal[t]! > 0) seen += 1;
        // The held-out documents' tokens that training saw; log-likelihoods are tabled for those only.
        const heldIds: number[] = [];
        const marked = new Uint8Array(V);
        docs.forEach((d, i) => {
          if (fold[i] !== f) return;
          for (const t of d.ids) {
            if (tokenTotal[t]! > 0 && marked[t] === 0) {
              marked[t] = 1;
              heldIds.push(t);
            }
          }
        });
        variants.forEach((variant, vi) => {
          alphas.forEach((alpha, ai) => {
            for (let l = 0; l < L; l += 1) {
              const base = l * V;
              if (variant === 'complement') {
                const denominator = Math.log(grand - labelTotal[l]! + alpha * seen);
                for (const t of heldIds) logp[base + t] = denominator - Math.log(tokenTotal[t]! - counts[base + t]! + alpha);
              } else {
                const denominator = Math.log(labelTotal[l]! + alpha * seen);
                for (const t of heldIds) logp[base + t] = Math.log(counts[base + t]! + alpha) - denominator;
              }
            }
            docs.forEach((d, i) => {
              if (fold[i] !== f) return;
              let best = 0;
              let bestScore = Number.NEGATIVE_INFINITY;
              for (let l = 0; l < L; l += 1) {
                const base = l * V;
                let score = variant === 'multinomial' ? priors[l]! : 0;
                for (let k = 0; k < d.ids.length; k += 1) {
                  const t = d.ids[k]!;
                  if (marked[t] === 1) score += d.raw[k]! * logp[base + t]!;
                }
                if (score > bestScore) {
                  bestScore = score;
                  best = l;
                }
              }
              if (best === labelOf[i]) hits[wi]![vi]![ai]![best]! += 1;
            });
          });
        });
      }
    }
    priorWeights.forEach((priorWeight, wi) => {
      variants.forEach((variant, vi) => {
        alphas.forEach((alpha, ai) => {
          const perLabel = hits[wi]![vi]![ai]!;
          const correct = perLabel.reduce((a, b) => a + b, 0);
          const perClass = labelNames.map((label, l) => ({ label, support: support[l]!, recall: round4(perLabel[l]! / support[l]!) }));
          results.push({
            setting: { features, variant, alpha, priorWeight },
            folds,
            examples: sample.length,
            accuracy: round4(correct / sample.length),
            meanRecall: round4(perClass.reduce((a, c) => a + c.recall, 0) / L),
            perClass,
          });
        });
      });
    });
    return results;
  };
  const rank = (list: CrossValidation[]) => [...list].sort((a, b) => b.accuracy - a.accuracy || b.meanRecall - a.meanRecall);
  // Two stages, so a retrain costs ~70 cross-validations rather than ~240: every feature set and
  // variant at two α and two prior weights, then the whole α × weight grid for the best of them.
  const middle = <T>(list: readonly T[]) => list[Math.floor(list.length / 2)]!;
  const firstAlphas = options.exhaustive || alphas.length <= 2 ? alphas : [middle(alphas), alphas.at(-1)!];
  const firstWeights = options.exhaustive || priorWeights.length <= 2 ? priorWeights : [priorWeights[0]!, middle(priorWeights)];
  const first = featureSets.flatMap((f) => run(f, variants, firstAlphas, firstWeights));
  const leader = rank(first)[0]!.setting;
  const second = options.exhaustive ? [] : run(leader.features, [leader.variant], alphas, priorWeights);
  const seen = new Set<string>();
  const results = [...first, ...second].filter((r) => {
    const key = JSON.stringify(r.setting);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Stable sort: among equals the first listed (simpler features, plainer variant, smaller α) stays first.
  const ranked = rank(results);
  return {
    best: ranked[0]!,
    candidates: ranked.map((r) => ({ setting: r.setting, accuracy: r.accuracy, meanRecall: r.meanRecall })),
  };
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
