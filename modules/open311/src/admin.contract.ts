import { Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

/** Schemas of the staff API that manages a county's Open311 clients (/api/v1/open311-clients). */

/** A client as staff see it: never its api key nor the key's hash. */
export const Open311ClientItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  jurisdictionId: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  /** When the client last submitted a service request; null if never. */
  lastRequestAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type Open311ClientItem = Static<typeof Open311ClientItem>;

export const Open311ClientList = Type.Object({ items: Type.Array(Open311ClientItem) });

/** A client with its api key: the answer of create and rotate-key, the only time the key is shown. */
export const Open311ClientWithKey = Type.Object({
  ...Open311ClientItem.properties,
  apiKey: Type.String({ description: 'shown once: only its SHA-256 is stored' }),
});
export type Open311ClientWithKey = Static<typeof Open311ClientWithKey>;

export const CreateOpen311ClientBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    jurisdictionId: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_.-]{1,100}$',
        description: 'what the client sends as jurisdiction_id; the county code by default',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateOpen311ClientBody = Static<typeof CreateOpen311ClientBody>;

export const UpdateOpen311ClientBody = Type.Object({ active: Type.Boolean() }, { additionalProperties: false });
export type UpdateOpen311ClientBody = Static<typeof UpdateOpen311ClientBody>;
