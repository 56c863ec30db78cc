import { defineErrors, type Noun } from '@linli/core/app-error';

/** The errors of the service-clusters module, in both languages (pure: the web may read it). Listed in the manifest. */
export const serviceClustersErrors = defineErrors('service_clusters', {
  solving: {
    status: 'conflict',
    'en-US': 'Scenario {name} is being solved; wait for its plan',
    'zh-CN': '方案「{name}」正在求解，请等求解结束',
  },
  adopted: {
    status: 'conflict',
    'en-US': 'Scenario {name} has been adopted and can no longer change',
    'zh-CN': '方案「{name}」已采纳，不能再修改',
  },
  not_solved: {
    status: 'conflict',
    'en-US': 'Scenario {name} has no current plan to adopt; solve it first',
    'zh-CN': '方案「{name}」还没有最新的求解结果，请先求解',
  },
  no_compounds: {
    status: 'unprocessable',
    'en-US': '{place} has no compounds with coordinates and a property profile to plan',
    'zh-CN': '{place} 下没有登记了坐标和物业信息的小区，无法编制组团',
  },
  inputs_unavailable: {
    status: 'unprocessable',
    'en-US': 'The compounds’ property figures cannot be read yet',
    'zh-CN': '暂时无法读取小区的物业经营数据',
  },
});

/** What a 404 names (`AppError.notFound(serviceClustersNouns.scenario, id)`). */
export const serviceClustersNouns = {
  scenario: { 'zh-CN': '组团方案', 'en-US': 'Cluster scenario' },
} as const satisfies Record<string, Noun>;
