export * from './database.ts';
export * from './ltree.ts';
export * from './maintenance.ts';
export * from './migrate.ts';
export * from './rows.ts';
export * from './schema-rules.ts';
