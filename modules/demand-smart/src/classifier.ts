/**
 * Naive Bayes with add-α smoothing. Small and explainable: the model is plain JSON (token weights
 * per label), trained on the tenant's own closed demands, and every suggestion can show the words
 * behind it. Used for the category and for the handling level (compound / community / subdistrict
 * / department).
 *
 * A model trained with a `setting` (chosen by cross-validation at each retrain, ./model-selection.ts)
 * reads its text through that setting's features (./features.ts), counts log(1 + tf) weights with
 * every training text scaled to unit length, and scores as its variant says: multinomial, with
 * equal priors (balanced), or complement. A model without one (stored before settings were chosen,
 * or trained by `train(examples)` alone) is the plain multinomial model over ./tokenize.ts counts.
 */
import { featurize } from './features.ts';
import { type ModelSetting, weigh } from './model-selection.ts';
import { type Random, seededRandom, shuffled } from './random.ts';
import { tokenize } from './tokenize.ts';

export const MODEL_VERSION = 1;

export interface Example {
  text: string;
  label: string;
  /** The tokens of `text`, when the caller has them already (training and evaluating segment each text once). */
  tokens?: readonly string[];
}

/** Text, or its tokens already computed by ./tokenize.ts. */
export type TextOrTokens = string | readonly string[];

/** The model's features of a text (its setting's, or ./tokenize.ts for a model without one). */
export function featuresFor(setting: ModelSetting | undefined, text: string): string[] {
  return setting ? featurize(text, setting.features) : tokenize(text);
}

export interface NaiveBayesModel {
  kind: 'multinomial-naive-bayes';
  version: typeof MODEL_VERSION;
  alpha: number;
  /** Sorted. */
  labels: string[];
  /** Training documents per label: the priors are documents[label] / Σ documents. */
  documents: Record<string, number>;
  /** Token occurrences per label. */
  tokenTotals: Record<string, number>;
  /** label → token → occurrences. */
  counts: Record<string, Record<string, number>>;
  vocabularySize: number;
  /** Features, variant, α and prior weight; absent: plain multinomial over ./tokenize.ts counts. */
  setting?: ModelSetting;
}

export interface Suggestion {
  label: string;
  /** Softmax of the log posteriors, rounded down to 4 decimals (so the top k never sum above 1). */
  confidence: number;
}

export interface TokenWeight {
  token: string;
  /** How much this token's occurrences raise the log odds of the label against the mean of the others. */
  weight: number;
}

export interface TrainOptions {
  alpha?: number;
  /** Train with this setting (its α wins over `alpha`). */
  setting?: ModelSetting;
  /**
   * Built-in texts added with the setting's prior weight to the labels that the examples use
   * (others are ignored); they add to the token weights, never to the documents (the priors).
   */
  prior?: readonly Example[];
}

export function train(examples: readonly Example[], options: TrainOptions = {}): NaiveBayesModel {
  const setting = options.setting;
  const alpha = setting?.alpha ?? options.alpha ?? 1;
  if (!(alpha > 0)) throw new RangeError(`alpha must be > 0, got ${alpha}`);
  const counts = new Map<string, Map<string, number>>();
  const documents = new Map<string, number>();
  const tokenTotals = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const example of examples) {
    const label = example.label;
    let labelCounts = counts.get(label);
    if (!labelCounts) {
      labelCounts = new Map();
      counts.set(label, labelCounts);
    }
    documents.set(label, (documents.get(label) ?? 0) + 1);
    add(labelCounts, label, example, 1);
  }
  if (setting && setting.priorWeight > 0) {
    for (const example of options.prior ?? []) {
      const labelCounts = counts.get(example.label);
      if (labelCounts) add(labelCounts, example.label, example, setting.priorWeight);
    }
  }
  function add(labelCounts: Map<string, number>, label: string, example: Example, weight: number): void {
    const tokens = example.tokens ?? featuresFor(setting, example.text);
    if (!setting) {
      tokenTotals.set(label, (tokenTotals.get(label) ?? 0) + tokens.length);
      for (const token of tokens) {
        labelCounts.set(token, (labelCounts.get(token) ?? 0) + 1);
        vocabulary.add(token);
      }
      return;
    }
    let total = 0;
    for (const [token, w] of weigh(tokens, true)) {
      labelCounts.set(token, (labelCounts.get(token) ?? 0) + weight * w);
      total += weight * w;
      vocabulary.add(token);
    }
    tokenTotals.set(label, (tokenTotals.get(label) ?? 0) + total);
  }
  const labels = [...counts.keys()].sort();
  return {
    kind: 'multinomial-naive-bayes',
    version: MODEL_VERSION,
    alpha,
    labels,
    documents: Object.fromEntries(labels.map((l) => [l, documents.get(l)!])),
    tokenTotals: Object.fromEntries(labels.map((l) => [l, tokenTotals.get(l)!])),
    counts: Object.fromEntries(labels.map((l) => [l, Object.fromEntries([...counts.get(l)!].sort(([a], [b]) => (a < b ? -1 : 1)))])),
    vocabularySize: vocabulary.size,
    ...(setting ? { setting } : {}),
  };
}

/** The k most probable labels, best first. An empty model gives no suggestion. */
export function predict(model: NaiveBayesModel, text: TextOrTokens, k = 3): Suggestion[] {
  const scores = logPosteriors(model, text);
  if (scores.length === 0) return [];
  const max = Math.max(...scores.map((s) => s.score));
  const exp = scores.map((s) => ({ label: s.label, value: Math.exp(s.score - max) }));
  const sum = exp.reduce((total, s) => total + s.value, 0);
  return exp
    .map((s) => ({ label: s.label, confidence: Math.floor((s.value / sum) * 10_000) / 10_000 }))
    .sort((a, b) => b.confidence - a.confidence || (a.label < b.label ? -1 : 1))
    .slice(0, Math.max(0, k));
}

/** The tokens of the text that pushed most toward `label`, strongest first (only those that pushed toward it). */
export function explain(model: NaiveBayesModel, text: TextOrTokens, label: string, limit = 5): TokenWeight[] {
  if (!model.labels.includes(label)) return [];
  const others = model.labels.filter((l) => l !== label);
  const weights: TokenWeight[] = [];
  const grand = grandTotal(model);
  for (const [token, occurrences] of countTokens(model, text)) {
    const all = tokenTotal(model, token);
    const own = logLikelihood(model, label, token, all, grand);
    const rest =
      others.length === 0 ? 0 : others.reduce((total, l) => total + logLikelihood(model, l, token, all, grand), 0) / others.length;
    const weight = occurrences * (own - rest);
    if (weight > 0) weights.push({ token, weight: Math.round(weight * 1000) / 1000 });
  }
  return weights.sort((a, b) => b.weight - a.weight || (a.token < b.token ? -1 : 1)).slice(0, limit);
}

export interface Evaluation {
  total: number;
  correct: number;
  accuracy: number;
  /** Share of examples whose label is among the top 3 suggestions. */
  top3Accuracy: number;
  perLabel: { label: string; support: number; precision: number; recall: number }[];
  /** Off-diagonal cells of the confusion matrix, largest first. */
  confusions: { actual: string; predicted: string; count: number }[];
  /** actual → predicted → count. */
  matrix: Record<string, Record<string, number>>;
}

export function evaluate(model: NaiveBayesModel, heldOut: readonly Example[]): Evaluation {
  const matrix = new Map<string, Map<string, number>>();
  let correct = 0;
  let inTop3 = 0;
  for (const example of heldOut) {
    const top = predict(model, example.tokens ?? example.text, 3);
    const predicted = top[0]?.label ?? '';
    if (predicted === example.label) correct += 1;
    if (top.some((s) => s.label === example.label)) inTop3 += 1;
    const row = matrix.get(example.label) ?? new Map<string, number>();
    row.set(predicted, (row.get(predicted) ?? 0) + 1);
    matrix.set(example.label, row);
  }
  const labels = [...new Set([...model.labels, ...matrix.keys()])].sort();
  const cell = (actual: string, predicted: string) => matrix.get(actual)?.get(predicted) ?? 0;
  const perLabel = labels.map((label) => {
    const support = [...(matrix.get(label)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const predictedAs = labels.reduce((total, actual) => total + cell(actual, label), 0);
    const hits = cell(label, label);
    return { label, support, precision: ratio(hits, predictedAs), recall: ratio(hits, support) };
  });
  const confusions: Evaluation['confusions'] = [];
  for (const [actual, row] of matrix) {
    for (const [predicted, count] of row) if (predicted !== actual) confusions.push({ actual, predicted, count });
  }
  confusions.sort((a, b) => b.count - a.count || (a.actual + a.predicted < b.actual + b.predicted ? -1 : 1));
  return {
    total: heldOut.length,
    correct,
    accuracy: ratio(correct, heldOut.length),
    top3Accuracy: ratio(inTop3, heldOut.length),
    perLabel,
    confusions,
    matrix: Object.fromEntries([...matrix].map(([actual, row]) => [actual, Object.fromEntries(row)])),
  };
}

/**
 * Deterministic stratified split: about `ratio` of each label's examples are held out, chosen with
 * a seeded shuffle; both halves keep the input order.
 */
export function splitHoldout<T extends { label: string }>(
  examples: readonly T[],
  ratio: number,
  seed: number,
): { train: T[]; holdout: T[] } {
  if (!(ratio > 0 && ratio < 1)) throw new RangeError(`the held-out ratio must be between 0 and 1, got ${ratio}`);
  const random: Random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  examples.forEach((example, index) => {
    const indices = byLabel.get(example.label) ?? [];
    indices.push(index);
    byLabel.set(example.label, indices);
  });
  const held = new Set<number>();
  for (const label of [...byLabel.keys()].sort()) {
    const indices = byLabel.get(label)!;
    for (const index of shuffled(random, indices).slice(0, Math.round(indices.length * ratio))) held.add(index);
  }
  return {
    train: examples.filter((_, index) => !held.has(index)),
    holdout: examples.filter((_, index) => held.has(index)),
  };
}

/**
 * Train on all but a held-out share and evaluate on it: the number for the retrain command and the
 * benchmark's `classifier_accuracy` (defaults: 20 % held out, seed 42).
 */
export function holdoutEvaluation(
  examples: readonly Example[],
  options: { ratio?: number; seed?: number } = {},
): Evaluation & { trainedOn: number } {
  const { train: training, holdout } = splitHoldout(examples, options.ratio ?? 0.2, options.seed ?? 42);
  return { ...evaluate(train(training), holdout), trainedOn: training.length };
}

function logPosteriors(model: NaiveBayesModel, text: TextOrTokens): { label: string; score: number }[] {
  const totalDocuments = model.labels.reduce((total, l) => total + (model.documents[l] ?? 0), 0);
  if (totalDocuments === 0) return [];
  const tokens = [...countTokens(model, text)].map(([token, occurrences]) => ({ token, occurrences, all: tokenTotal(model, token) }));
  const grand = grandTotal(model);
  const uniform = model.setting !== undefined && model.setting.variant !== 'multinomial';
  return model.labels.map((label) => {
    let score = uniform ? 0 : Math.log((model.documents[label] ?? 0) / totalDocuments);
    for (const t of tokens) score += t.occurrences * logLikelihood(model, label, t.token, t.all, grand);
    return { label, score };
  });
}

function countOf(model: NaiveBayesModel, label: string, token: string): number {
  const labelCounts = model.counts[label] ?? {};
  return Object.hasOwn(labelCounts, token) ? (labelCounts[token] ?? 0) : 0;
}

/** A token's weight over every label (complement naive Bayes reads what the other labels hold). */
function tokenTotal(model: NaiveBayesModel, token: string): number {
  return model.setting?.variant === 'complement' ? model.labels.reduce((sum, l) => sum + countOf(model, l, token), 0) : 0;
}

function grandTotal(model: NaiveBayesModel): number {
  return model.labels.reduce((sum, l) => sum + (model.tokenTotals[l] ?? 0), 0);
}

/**
 * The token's evidence for the label: log P(token | label) with add-α smoothing, or for complement
 * naive Bayes −log P(token | every other label).
 */
function logLikelihood(model: NaiveBayesModel, label: string, token: string, all: number, grand: number): number {
  const count = countOf(model, label, token);
  const own = model.tokenTotals[label] ?? 0;
  const smoothing = model.alpha * model.vocabularySize;
  if (model.setting?.variant === 'complement') return -Math.log((all - count + model.alpha) / (grand - own + smoothing));
  return Math.log((count + model.alpha) / (own + smoothing));
}

/**
 * Each token of the text that the model has seen (unknown tokens carry no evidence) with its
 * occurrences, or with a setting its log(1 + tf) weight.
 */
function countTokens(model: NaiveBayesModel, text: TextOrTokens): Map<string, number> {
  const tokens = typeof text === 'string' ? featuresFor(model.setting, text) : text;
  const counts = new Map<string, number>();
  const known = (token: string) => model.labels.some((l) => Object.hasOwn(model.counts[l] ?? {}, token));
  if (model.setting) {
    for (const [token, w] of weigh(tokens, false)) if (known(token)) counts.set(token, w);
    return counts;
  }
  for (const token of tokens) if (known(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
