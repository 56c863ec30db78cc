# __name__

(What this module is for, in the words of the people who use it — see ../../../shared/GLOSSARY.md for names.)

Made by `npm run module:new -- __name__`; docs/adding-a-module.md says what to fill in next.

| Part | File |
|---|---|
| Manifest (routes, abilities, migrations, errors, tables, reads, territory references, demo seeder) | src/module.ts |
| Abilities and their default grants per role (pure; the web reads it) | src/abilities.ts |
| Errors with zh-CN and en-US texts (pure) | src/errors.ts |
| HTTP contract (TypeBox; imports only typebox, the web takes its types from it) | src/contract.ts |
| SQL of the `__snake___item` aggregate | src/item.repository.ts |
| One write use case per file | src/commands/ |
| Routes (thin: context, ability, one command in runWrite) | src/routes.ts |
| Demo data | src/demo.ts |
| Staff page, menu entry, strings | web/ |
| Tables (tenant_id first in every key) | migrations/ |
