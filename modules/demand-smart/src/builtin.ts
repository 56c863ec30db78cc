/**
 * The built-in classifier for a county that has too few handled demands of its own: trained on the
 * synthetic corpus (./synthetic-demands.ts) with its categories mapped to the codes of the default
 * taxonomy (packages/db/migrations/0003_demands.sql). Trained once per process, on first use.
 */
import { type DemandCategory, generateDemands } from './synthetic-demands.ts';
import { type TrainedClassifier, trainClassifier } from './training.ts';

/** Synthetic category → default taxonomy code (noise and water supply are subcategories there). */
export const BUILTIN_CATEGORY_CODES: Record<DemandCategory, string> = {
  环境卫生: 'environment',
  物业管理: 'property',
  停车管理: 'parking',
  邻里纠纷: 'neighbourhood',
  市政设施: 'municipal',
  安全隐患: 'safety',
  养老服务: 'elderly',
  政策咨询: 'policy',
  噪音扰民: 'noise',
  供暖供水: 'water_supply',
};

export const BUILTIN_CORPUS = { count: 3000, seed: 42 } as const;

let trained: TrainedClassifier | undefined;

/** The built-in classifier (the same models on every call; `minTenantSamples`/`tenantSamples` are the caller's to fill). */
export function builtinClassifier(): TrainedClassifier {
  if (!trained) {
    const demands = generateDemands(BUILTIN_CORPUS).map((d) => ({
      text: d.text,
      category: BUILTIN_CATEGORY_CODES[d.category],
      level: d.level,
    }));
    trained = trainClassifier(demands, { source: 'builtin', tenantSamples: 0, minTenantSamples: 0, selection: false });
  }
  return trained;
}
