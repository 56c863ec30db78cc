/**
 * Multinomial naive Bayes with Laplace (add-α) smoothing over the tokens of ./tokenize.ts.
 * Small and explainable: the model is plain JSON (token counts per label), trained on the tenant's
 * own closed demands, and every suggestion can show the words behind it. Used for the category
 * and for the handling level (compound / community / subdistrict / department).
 */
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

const tokensOf = (input: TextOrTokens): readonly string[] => (typeof input === 'string' ? tokenize(input) : input);

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

export function train(examples: readonly Example[], options: { alpha?: number } = {}): NaiveBayesModel {
  const alpha = options.alpha ?? 1;
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
    const tokens = example.tokens ?? tokenize(example.text);
    tokenTotals.set(label, (tokenTotals.get(label) ?? 0) + tokens.length);
    for (const token of tokens) {
      labelCounts.set(token, (labelCounts.get(token) ?? 0) + 1);
      vocabulary.add(token);
    }
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
  for (const [token, occurrences] of countTokens(model, text)) {
    const own = logLikelihood(model, label, token);
    const rest = others.length === 0 ? 0 : others.reduce((total, l) => total + logLikelihood(model, l, token), 0) / others.length;
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
  const tokens = countTokens(model, text);
  return model.labels.map((label) => {
    let score = Math.log((model.documents[label] ?? 0) / totalDocuments);
    for (const [token, occurrences] of tokens) score += occurrences * logLikelihood(model, label, token);
    return { label, score };
  });
}

/** log P(token | label) with add-α smoothing. */
function logLikelihood(model: NaiveBayesModel, label: string, token: string): number {
  const labelCounts = model.counts[label] ?? {};
  const count = Object.hasOwn(labelCounts, token) ? (labelCounts[token] ?? 0) : 0;
  return Math.log((count + model.alpha) / ((model.tokenTotals[label] ?? 0) + model.alpha * model.vocabularySize));
}

/** Occurrences of each token of the text that the model has seen (unknown tokens carry no evidence). */
function countTokens(model: NaiveBayesModel, text: TextOrTokens): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokensOf(text)) {
    if (model.labels.some((l) => Object.hasOwn(model.counts[l] ?? {}, token))) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
