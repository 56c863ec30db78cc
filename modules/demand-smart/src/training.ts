/**
 * The classifier of a tenant as it is stored: two naive Bayes models (category code, handling
 * level) trained on the same demands, with the numbers that say how good they are. For each
 * target the setting (features, variant, α, weight of the built-in prior) is chosen by stratified
 * 5-fold cross-validation on the demands (./model-selection.ts); its cross-validated accuracy and
 * per-class recall are reported, and beside them the held-out accuracy and top-3 accuracy of the
 * chosen setting against the majority-class baseline on a deterministic 20 % split (a model
 * trained on the other 80 %). The stored model is then trained on everything.
 */
import { type Example, evaluate, featuresFor, MODEL_VERSION, type NaiveBayesModel, splitHoldout, train } from './classifier.ts';
import { type CrossValidation, type ModelSetting, type SelectionOptions, selectSetting } from './model-selection.ts';

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
  /** The setting chosen by cross-validation, with its cross-validated accuracy and per-class recall (null: fixed setting). */
  crossValidation: CrossValidation | null;
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
  /** Built-in texts per target, labelled in the tenant's codes: a prior the cross-validation may weigh in. */
  prior?: { category?: readonly Example[]; level?: readonly Example[] };
  /**
   * Build the category prior from the built-in corpora in the demands' own codes (./builtin-prior.ts);
   * the training worker does it, so the texts are not posted to it.
   */
  builtinPrior?: boolean;
  /** Cross-validation's options (folds, most examples, grid); `false`: no selection, the default setting. */
  selection?: SelectionOptions | false;
}

/** The setting of a model trained without cross-validation (the built-in model's). */
export const DEFAULT_SETTING: ModelSetting = { features: 'words+bigrams', variant: 'complement', alpha: 0.3, priorWeight: 0 };

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
  // Segmenting is much of the cost: once per text and feature set, shared by the split model, its evaluation and the stored model.
  const features = new Map<string, string[][]>();
  const tokensFor = (setting: ModelSetting) => {
    let list = features.get(setting.features);
    if (!list) {
      list = demands.map((d) => featuresFor(setting, d.text));
      features.set(setting.features, list);
    }
    return list;
  };
  const target = (key: 'category' | 'level') => {
    const plain = demands.map((d) => ({ text: d.text, label: d[key] }));
    const prior = options.prior?.[key] ?? [];
    const labels = new Set(plain.map((e) => e.label));
    const crossValidation =
      options.selection === false || labels.size < 2 ? null : selectSetting(plain, { ...options.selection, prior }).best;
    const setting = crossValidation?.setting ?? DEFAULT_SETTING;
    const tokens = tokensFor(setting);
    const examples = plain.map((e, i) => ({ ...e, tokens: tokens[i] }));
    const { train: training, holdout } = splitHoldout(examples, ratio, seed);
    const result = evaluate(train(training, { setting, prior }), holdout);
    const model = train(examples, { setting, prior });
    const stats: TargetStats = {
      labels: model.labels.length,
      heldOut: holdout.length,
      accuracy: round4(result.accuracy),
      top3Accuracy: round4(result.top3Accuracy),
      majorityBaseline: round4(majorityBaseline(training, holdout)),
      crossValidation,
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
