import type { Database, Db } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config.ts';
import type { PersonalDataCipher } from './personal-data.ts';

/** What the server hands every module. */
export interface ModuleDeps {
  database: Database;
  db: Db;
  cipher: PersonalDataCipher;
  config: AppConfig;
}

/**
 * A module's manifest: the only thing the server loads. Routes are registered under /api/v1 and
 * receive the deps; there is no registration by side-effect import.
 */
export interface ModuleManifest {
  name: string;
  /** One line: what the module is for. */
  description: string;
  /** Runs once on the root instance before any module's routes: hooks that apply to every request. */
  setup?: (app: FastifyInstance, deps: ModuleDeps) => Promise<void> | void;
  routes?: (app: FastifyInstance, deps: ModuleDeps) => Promise<void> | void;
  /** Extra routes outside /api/v1 (e.g. /open311). */
  rootRoutes?: (app: FastifyInstance, deps: ModuleDeps) => Promise<void> | void;
}
