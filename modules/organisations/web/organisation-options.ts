import { compoundOrganisationKinds, organisationKinds } from '@linli/organisations/vocabulary';
import { organisationKindLabel } from '@linli/web-kit/labels';
import type { NodeKind, OrganisationKind } from '@linli/web-kit/types';

export const kindOptions = () => organisationKinds.map((k) => ({ value: k, label: organisationKindLabel(k) }));

/** Where an organisation of this kind may sit: 业委会/物管会 on a compound, the others anywhere in the territory. */
export function nodeKindsFor(kind: OrganisationKind | undefined): NodeKind[] | undefined {
  return kind && compoundOrganisationKinds.includes(kind) ? ['compound'] : undefined;
}
