// The import's fixed lists. Imports nothing: the contract and the web app read it.

/** How dates of the source are written. 'iso' is ISO 8601 (with or without offset). */
export const dateFormats = ['iso', 'YYYY-MM-DD HH:mm:ss', 'YYYY/MM/DD HH:mm:ss', 'MM/DD/YYYY hh:mm:ss A'] as const;

/** The states an imported (historical) demand may be in; a value map sends source statuses to them. */
export const importStatuses = ['submitted', 'accepted', 'rejected', 'dispatched', 'in_progress', 'resolved', 'closed'] as const;

/** The fields of a demand a column mapping can fill, in the order the mapping editor shows them. */
export const importFields = [
  'externalId',
  'submittedAt',
  'acceptedAt',
  'dispatchedAt',
  'resolvedAt',
  'closedAt',
  'status',
  'title',
  'description',
  'channel',
  'type',
  'category',
  'node',
  'address',
  'lat',
  'lng',
  'reporterName',
  'reporterPhone',
  'resolution',
  'department',
] as const;
