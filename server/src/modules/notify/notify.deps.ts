import type { Log } from '../../platform/context.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import type { Db } from '../../platform/db/index.js';
import type { OutboundChannels } from './channels/channel.js';

export interface NotifyDeps {
  db: Db;
  cipher: FieldCipher;
  now: () => Date;
  log: Log;
  channels: OutboundChannels;
  /** Non-urgent messages per person and channel per hour; more wait for the next hour. */
  ratePerHour: number;
  /** Attempts of one delivery before it fails over to the next channel. */
  maxAttempts: number;
  /** How long a node may take to send one message before another node takes it over. */
  leaseMs: number;
  /** An event older than this many hours when it is planned tells nobody (undefined: no limit). */
  maxAgeHours?: number;
}
