import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseKey } from './field-cipher.js';

/**
 * The master data key: from configuration (DATA_KEY) when given; otherwise, outside production,
 * generated once and kept in DATA_DIR/data.key (mode 600) so that a laptop install just works.
 */
export function loadDataKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return parseKey(configured);
  const file = path.join(dataDir, 'data.key');
  if (fs.existsSync(file)) return parseKey(fs.readFileSync(file, 'utf8').trim());
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
