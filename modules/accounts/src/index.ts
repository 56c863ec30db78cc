export { accountRepository } from './account.repository.ts';
export { accountsModule } from './module.ts';
export { accountReference } from './references.ts';
export { CSRF_HEADER, hashToken, SESSION_COOKIE } from './tokens.ts';
