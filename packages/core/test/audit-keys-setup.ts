import { AuditKeys, configureAuditKeys } from '../src/audit-keys.ts';

// Every test process appends to audit chains: it gets the audit keys of the test master key (the
// one the test ciphers use), as the server gets them from its master key at start-up.
configureAuditKeys(new AuditKeys(Buffer.alloc(32, 7)));
