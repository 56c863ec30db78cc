// The public interface of property: what other modules and the server may import.
export { adoptClusterAssignments, type ClusterAssignments } from './commands/adopt-cluster-assignments.ts';
export { type EvaluationScores, recordEvaluationScores } from './commands/record-evaluation-scores.ts';
export { CompanyRepository } from './company.repository.ts';
export { ContractRepository } from './contract.repository.ts';
export * from './contract.ts';
export { type CompoundEconomics, compoundEconomics } from './figures.ts';
export { propertyModule } from './module.ts';
export { ProfileRepository } from './profile.repository.ts';
export { propertyCompanyReference, propertyContractReference } from './references.ts';
