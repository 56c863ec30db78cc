export * from './contract.ts';
export { CoverageRepository } from './coverage.repository.ts';
export { partyModule } from './module.ts';
export { PartyMemberRepository } from './party-member.repository.ts';
export { PartyOrgRepository } from './party-org.repository.ts';
export { partyOrgReference } from './references.ts';
