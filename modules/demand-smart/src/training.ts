/**
 * The classifier of a tenant as it is stored: two naive Bayes models (category code, handling
 * level) trained on the same demands, with the numbers that say how good they are — held-out
 * accuracy and top-3 accuracy against the majority-class baseline on a deterministic 20 % split.
 * The reported accuracy is that of a model trained on the other 80 %; the stored model is then
 * trained on everything (a little better than what is reported).
 */
import { evaluate, MODEL_VERSION, type NaiveBayesModel, splitHoldout, train } from './classifier.ts';
import { tokenize } from './tokenize.ts';

export type ClassifierSource = 'tenant' | 'builtin';

/** A demand as training data: its text and where it ended up. */
export interface LabelledDemand {
  text: string;
  /** Category code (stable across renames). */
  category: string;
  /** Handling level where it was finally handled. */
  level: string;
}

export interface TargetStats {
  /** Distinct labels seen in training. */
  labels: number;
  heldOut: number;
  accuracy: number;
  top3Accuracy: number;
  /** Accuracy of always answering the most frequent training label, on the same held-out split. */
  majorityBaseline: number;
}

export interface ClassifierStats {
  version: typeof MODEL_VERSION;
  source: ClassifierSource;
  trainedAt: string;
  /** Demands the stored model was trained on. */
  sampleSize: number;
  /** The tenant's resolved, evaluated and closed demands at training time (decides the source). */
  tenantSamples: number;
  minTenantSamples: number;
  vocabularySize: number;
  category: TargetStats;
  level: TargetStats;
}

export interface ClassifierModels {
  category: NaiveBayesModel;
  level: NaiveBayesModel;
}

export interface TrainedClassifier {
  stats: ClassifierStats;
  models: ClassifierModels;
}

export interface TrainingOptions {
  source: ClassifierSource;
  tenantSamples: number;
  minTenantSamples: number;
  trainedAt?: Date;
  /** Share held out for the accuracy (default 0.2) and the seed of the split (default 42). */
  holdout?: number;
  seed?: number;
}

/**
 * Title and description as one text, without counting the title twice when intake derived it
 * from the first line of the description (`楼道灯坏了…`).
 */
export function demandText(title: string | null | undefined, description: string): string {
  const t = (title ?? '').trim().replace(/…$/, '');
  const d = description.trim();
  return t === '' || d.startsWith(t) ? d : `${t}\n${d}`;
}

export function trainClassifier(demands: readonly LabelledDemand[], options: TrainingOptions): TrainedClassifier {
  const ratio = options.holdout ?? 0.2;
  const seed = options.seed ?? 42;
  // Segmenting is most of the cost: once per text, shared by both targets, the split models and the evaluation.
  const tokens = demands.map((d) => tokenize(d.text));
  const target = (key: 'category' | 'level') => {
    const examples = demands.map((d, i) => ({ text: d.text, label: d[key], tokens: tokens[i] }));
    const { train: training, holdout } = splitHoldout(examples, ratio, seed);
    const result = evaluate(train(training), holdout);
    const model = train(examples);
    const stats: TargetStats = {
      labels: model.labels.length,
      heldOut: holdout.length,
      accuracy: round4(result.accuracy),
      top3Accuracy: round4(result.top3Accuracy),
      majorityBaseline: round4(majorityBaseline(training, holdout)),
    };
    return { model, stats };
  };
  const category = target('category');
  const level = target('level');
  return {
    models: { category: category.model, level: level.model },
    stats: {
      version: MODEL_VERSION,
      source: options.source,
      trainedAt: (options.trainedAt ?? new Date()).toISOString(),
      sampleSize: demands.length,
      tenantSamples: options.tenantSamples,
      minTenantSamples: options.minTenantSamples,
      vocabularySize: category.model.vocabularySize,
      category: category.stats,
      level: level.stats,
    },
  };
}

/** Share of the held-out examples whose label is the most frequent label of the training examples. */
export function majorityBaseline(training: readonly { label: string }[], holdout: readonly { label: string }[]): number {
  if (holdout.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const e of training) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  let best: string | undefined;
  for (const [label, n] of counts)
    if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && label < best)) best = label;
  return holdout.filter((e) => e.label === best).length / holdout.length;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
