/**
 * What this module takes from @linli/property (issue 14's fixed interface): the compounds'
 * economics, the planner's inputs, and the adoption of a plan, which records each compound's cluster,
 * company and service mode in the property profile. Reached through this one object so the module's
 * tests can stand in a fixture for the property profile (`propertyPort.compoundEconomics = …`).
 */
import type { RequestContext } from '@linli/core';
import type { Db, Tx } from '@linli/db';
import { adoptClusterAssignments, compoundEconomics } from '@linli/property';
import type { ManagementStatus, ServiceMode } from './contract.ts';

export interface CompoundEconomics {
  compoundId: string;
  name: string;
  communityId: string;
  communityName: string;
  lat: number | null;
  lng: number | null;
  households: number;
  floorAreaM2: number;
  feePerM2Month: number;
  collectionRate: number;
  status: ManagementStatus | null;
  serviceMode: ServiceMode | null;
  companyId: string | null;
  clusterId: string | null;
}

export interface ClusterAdoption {
  scenarioId: string;
  reason: string;
  clusters: {
    clusterId: string;
    name: string;
    anchorCompoundId: string;
    companyId: string | null;
    compoundIds: string[];
    serviceMode: ServiceMode;
  }[];
}

type EconomicsSource = (db: Db, scope: { tenantId: string; paths: string[] }, nodeId: string) => Promise<CompoundEconomics[]>;
type Adopt = (tx: Tx, ctx: RequestContext, input: ClusterAdoption) => Promise<{ changed: number }>;

export const propertyPort: { compoundEconomics: EconomicsSource; adoptClusterAssignments: Adopt } = {
  compoundEconomics: (db, scope, nodeId) => compoundEconomics(db, scope, nodeId),
  adoptClusterAssignments: (tx, ctx, input) => adoptClusterAssignments(tx, ctx, input),
};
