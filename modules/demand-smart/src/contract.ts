import { Uuid } from '@linli/core/contract-types';
import { Level, Status } from '@linli/demands/contract';
import { type Static, Type } from 'typebox';

/** Request and response schemas of smart intake: suggestions, similar demands, hot spots, monthly themes. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Confidence = Type.Number({ minimum: 0, maximum: 1, description: 'model probability, 0…1' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM (Asia/Shanghai)' });
export const classifierSources = ['tenant', 'builtin'] as const;
export const ClassifierSource = Type.Enum(classifierSources, {
  description: 'tenant: trained on this county’s handled demands; builtin: on the synthetic corpus (too few of its own)',
});
export const themeStatuses = ['open', 'closed'] as const;
export const hotspotKinds = ['rising', 'repeated'] as const;

export const SuggestBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 100 })),
    description: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
    nodeId: Type.Optional(Uuid),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export type SuggestBody = Static<typeof SuggestBody>;

/** An existing demand like the one being written: public fields only (no reporter, no contact). */
export const SimilarDemand = Type.Object({
  id: Uuid,
  number: Type.String(),
  title: Type.String(),
  status: Status,
  submittedAt: DateTime,
  score: Type.Number({ description: 'text similarity (cosine of the token counts), 0…1' }),
  matchedBy: Type.Enum(['node', 'radius', 'text'], { description: 'node: at the same compound (or node); radius: coordinates nearby' }),
  distanceMeters: Type.Optional(Type.Integer()),
  mine: Type.Boolean({ description: 'the caller reported it' }),
});
export type SimilarDemand = Static<typeof SimilarDemand>;

export const CategorySuggestion = Type.Object({ categoryId: Uuid, code: Type.String(), name: Type.String(), confidence: Confidence });
export const LevelSuggestion = Type.Object({ level: Level, confidence: Confidence });

export const Suggestions = Type.Object({
  source: ClassifierSource,
  modelTrainedAt: Nullable(DateTime),
  categories: Type.Array(CategorySuggestion, { maxItems: 3 }),
  levels: Type.Array(LevelSuggestion, { maxItems: 3 }),
  similar: Type.Array(SimilarDemand),
});
export type Suggestions = Static<typeof Suggestions>;

export const SimilarQuery = Type.Object(
  {
    windowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30, description: 'days before and after submission' })),
    radiusMeters: Type.Optional(Type.Integer({ minimum: 10, maximum: 5000, default: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);
export type SimilarQuery = Static<typeof SimilarQuery>;

export const StaffSimilarDemand = Type.Intersect([
  SimilarDemand,
  Type.Object({
    categoryId: Uuid,
    categoryName: Type.String(),
    level: Level,
    suggestion: Type.Enum(['merge', 'link'], {
      description: 'merge: both open, at the same place and nearly the same text; link: related, a person decides',
    }),
  }),
]);
export type StaffSimilarDemand = Static<typeof StaffSimilarDemand>;
export const SimilarList = Type.Object({ items: Type.Array(StaffSimilarDemand) });

const TargetStats = Type.Object({
  labels: Type.Integer(),
  heldOut: Type.Integer(),
  accuracy: Type.Number(),
  top3Accuracy: Type.Number(),
  majorityBaseline: Type.Number({ description: 'accuracy of always answering the most frequent label' }),
  crossValidation: Type.Optional(
    Nullable(
      Type.Object(
        {
          setting: Type.Object({
            features: Type.Enum(['words', 'words+bigrams', 'words+chars13', 'chars13'], {
              description: 'words (Intl.Segmenter); words and character bigrams; words and character 1–3-grams; character 1–3-grams',
            }),
            variant: Type.Enum(['multinomial', 'balanced', 'complement'], {
              description: 'multinomial naive Bayes; the same with equal class priors; complement naive Bayes',
            }),
            alpha: Type.Number({ description: 'additive smoothing' }),
            priorWeight: Type.Number({ description: 'weight of each built-in corpus text against one of the county’s own (0: none)' }),
          }),
          folds: Type.Integer(),
          examples: Type.Integer({ description: 'demands cross-validated (a stratified sample of at most 2,000)' }),
          accuracy: Type.Number({ description: 'cross-validated accuracy of the chosen setting' }),
          meanRecall: Type.Number({ description: 'mean of the per-class recalls' }),
          perClass: Type.Array(
            Type.Object({
              label: Type.String({ description: 'category code or handling level' }),
              name: Type.Optional(Type.String({ description: 'the category’s name, for a category code' })),
              support: Type.Integer(),
              recall: Type.Number(),
            }),
          ),
        },
        { description: 'the setting chosen by stratified cross-validation at the retrain (null: fixed setting, the built-in model)' },
      ),
    ),
  ),
});

export const ClassifierStatus = Type.Object({
  trained: Type.Boolean({ description: 'false: never retrained; suggestions come from the built-in model' }),
  modelId: Nullable(Uuid),
  source: ClassifierSource,
  version: Type.Integer(),
  trainedAt: DateTime,
  trainedBy: Nullable(Type.String()),
  sampleSize: Type.Integer(),
  tenantSamples: Type.Integer({ description: 'resolved, evaluated and closed demands of the county at training time' }),
  minTenantSamples: Type.Integer(),
  vocabularySize: Type.Integer(),
  category: TargetStats,
  level: TargetStats,
});
export type ClassifierStatus = Static<typeof ClassifierStatus>;

export const HotspotQuery = Type.Object(
  {
    nodeId: Uuid,
    month: Type.Optional(Month),
    by: Type.Optional(Type.Enum(['compound', 'community'], { default: 'compound', description: 'the places counted' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);
export type HotspotQuery = Static<typeof HotspotQuery>;

export const HotspotItem = Type.Object({
  nodeId: Uuid,
  nodeName: Type.String(),
  categoryId: Uuid,
  categoryName: Type.String(),
  month: Type.String(),
  count: Type.Integer(),
  baseline: Type.Number(),
  kinds: Type.Array(Type.Enum(hotspotKinds)),
  score: Type.Number(),
  streak: Type.Integer(),
  reason: Type.String(),
  theme: Type.String({ description: 'suggested title of a monthly theme' }),
  themeId: Nullable(Uuid),
});
export type HotspotItem = Static<typeof HotspotItem>;
export const HotspotList = Type.Object({ month: Type.String(), nodeId: Uuid, items: Type.Array(HotspotItem) });
export type HotspotList = Static<typeof HotspotList>;

export const Theme = Type.Object({
  id: Uuid,
  month: Type.String(),
  nodeId: Uuid,
  nodeName: Type.String(),
  categoryId: Uuid,
  categoryName: Type.String(),
  title: Type.String(),
  note: Nullable(Type.String()),
  evidence: Type.Record(Type.String(), Type.Unknown(), { description: 'the hot spot it was made from, as it was then' }),
  status: Type.Enum(themeStatuses),
  outcome: Nullable(Type.String()),
  createdAt: DateTime,
  createdBy: Nullable(Type.String()),
  closedAt: Nullable(DateTime),
  version: Type.Integer(),
});
export type Theme = Static<typeof Theme>;

export const CreateThemeBody = Type.Object(
  {
    month: Month,
    nodeId: Uuid,
    categoryId: Uuid,
    title: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateThemeBody = Static<typeof CreateThemeBody>;

export const CloseThemeBody = Type.Object(
  {
    status: Type.Literal('closed'),
    outcome: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version the caller saw; a newer one gives 409' })),
  },
  { additionalProperties: false },
);
export type CloseThemeBody = Static<typeof CloseThemeBody>;

export const ThemeQuery = Type.Object(
  { nodeId: Type.Optional(Uuid), month: Type.Optional(Month), status: Type.Optional(Type.Enum(themeStatuses)) },
  { additionalProperties: false },
);
export type ThemeQuery = Static<typeof ThemeQuery>;
export const ThemeList = Type.Object({ items: Type.Array(Theme) });
