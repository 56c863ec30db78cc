// The public interface of service-clusters: what other modules and the server may import.
//
//   serviceClustersModule: the manifest (scenarios of the cluster planner: routes, tables, demo).
//   planClusters(compounds, parameters, pins?) → ClusterPlan: groups compounds into service clusters
//       (组团, 肥瘦搭配) so that every cluster pays its way or states the subsidy it needs; throws
//       PlanNotFound when no grouping satisfies the constraints or none was found in time.
//   clusterFigures, compoundEconomics, totalsOf, distanceKm: the arithmetic behind a plan, for
//       checking and showing one.
export * from './contract.ts';
export { serviceClustersModule } from './module.ts';
export {
  type ClusterMode,
  type ClusterPlan,
  clusterFigures,
  compoundEconomics,
  distanceKm,
  type PlanCompound,
  PlanNotFound,
  type PlannedCluster,
  type PlanParameters,
  type PlanPin,
  planClusters,
  totalsOf,
} from './planner.ts';
