export { demoDemandTexts } from './demo-demands.ts';
export { type CountyProfile, gaomiProfile, type PropertyTargets, qiaochengProfile, wenshanProfile } from './generate.ts';
export { type GeneratedCaller, generateDemands, type ScaleOptions, type ScaleResult, type ScaleText } from './generate-demands.ts';
export {
  DEMO_PASSWORD,
  DEMO_TENANT,
  type DemoAccount,
  type DemoDeps,
  type DemoOptions,
  type DemoSummary,
  demoAccounts,
  demoTenants,
  isCountyLoaded,
  isDemoLoaded,
  isDemoNeeded,
  loadDemo,
  loadMoreCounties,
  moreDemoCounties,
  resetDemo,
} from './load-demo.ts';
