{
  "name": "@linli/__name__",
  "private": true,
  "type": "module",
  "description": "__Pascal__: (say in one line what this module is for)",
  "exports": {
    ".": "./src/index.ts",
    "./contract": "./src/contract.ts",
    "./abilities": "./src/abilities.ts",
    "./errors": "./src/errors.ts",
    "./web": "./web/index.ts"
  },
  "dependencies": {
    "@fastify/type-provider-typebox": "^6.3.0",
    "@linli/core": "*",
    "@linli/db": "*",
    "@linli/territory": "*",
    "@linli/web-kit": "*",
    "drizzle-orm": "^0.45.4",
    "fastify": "^5.12.8",
    "typebox": "^1.4.3"
  },
  "devDependencies": {
    "@linli/accounts": "*",
    "@linli/people": "*",
    "@linli/server": "*"
  }
}
