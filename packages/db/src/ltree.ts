import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree path; labels are node ids in hex without dashes (labels allow [A-Za-z0-9_] on PostgreSQL 15). */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});

export function ltreeLabel(uuid: string): string {
  return uuid.replace(/-/g, '');
}
