import type { Db } from '../../platform/db/index.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { Log } from '../../platform/context.js';
import type { OutboundPolicy } from '../../platform/net/index.js';
import type { Departments } from './departments.js';
import type { AccessChain } from './access-log/access-chain.js';
import type { GrantCache } from './sharing/grant-cache.js';

/**
 * What the identity module answers for the exchange. Identity depends on the exchange (registry
 * checks at registration), so the exchange gets these as functions wired in app.ts, not imports.
 */
export interface IdentityPort {
  /** The population-registry record a person's account is bound to. */
  registryPersonOf(accountId: string): Promise<string | undefined>;
  /** Display names of staff members (for a resident's view of who used their data). */
  staffNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** A live client-credentials access token of an enabled client, or undefined. */
  verifyClientToken(token: string): Promise<{ clientId: string } | undefined>;
}

/** What the exchange's use cases need besides the caller. */
export interface ExchangeDeps {
  db: Db;
  cipher: FieldCipher;
  /** The data key of the platform audit chain (grant decisions, life events, registrations). */
  auditKey: Buffer;
  /** The key of blind indexes, from which the access-log chain key is derived. */
  indexKey: Buffer;
  log: Log;
  now: () => Date;
  identity: IdentityPort;
  /** Where webhooks may go (SSRF rules) and how their hosts are resolved. */
  outbound: OutboundPolicy;
  departments: Departments;
  chain: AccessChain;
  grants: GrantCache;
}
