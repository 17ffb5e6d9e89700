/**
 * The key ring from configuration. New personal data is encrypted with DATA_KEY under the id
 * DATA_KEY_ID; DATA_KEYS_RETIRED keeps earlier keys readable while `npm run keys:rotate`
 * re-encrypts with the current one. Blind indexes and the audit chain use INDEX_KEY (default:
 * DATA_KEY), which does not change with a rotation — a rotated data key must not break look-ups
 * or the chain.
 *
 * Rotation: set INDEX_KEY to the key in use (if it was not set), DATA_KEYS_RETIRED=k1:<that key>,
 * DATA_KEY=<new key>, DATA_KEY_ID=k2; restart; run `npm run keys:rotate`; then drop the retired key.
 */
import type { Config } from '../../config.js';
import { createFieldCipher, parseKey, type FieldCipher, type KeyRing } from './field-cipher.js';
import { loadDataKey } from './data-key.js';

export interface DataKeys {
  ring: KeyRing;
  /** The stable key of blind indexes and the audit chain. */
  indexKey: Buffer;
}

export function dataKeysFrom(
  config: Pick<Config, 'dataKey' | 'dataKeyId' | 'dataKeysRetired' | 'indexKey' | 'dataCipher' | 'dataDir'>,
): DataKeys {
  const current = loadDataKey(config.dataKey, config.dataDir);
  const keys: Record<string, Buffer> = {};
  for (const [id, text] of Object.entries(config.dataKeysRetired)) keys[id] = parseKey(text);
  keys[config.dataKeyId] = current;
  const indexKey = config.indexKey ? parseKey(config.indexKey) : current;
  return { ring: { suite: config.dataCipher, current: config.dataKeyId, keys, indexKey }, indexKey };
}

export const cipherFrom = (keys: DataKeys): FieldCipher => createFieldCipher(keys.ring);
