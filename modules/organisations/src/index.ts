export * from './contract.ts';
export { DualRegistrationRepository } from './dual-registration.repository.ts';
export { organisationsModule } from './module.ts';
export { OrganisationRepository } from './organisation.repository.ts';
export { organisationReference } from './references.ts';
