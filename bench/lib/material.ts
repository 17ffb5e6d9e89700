import { randomUUID } from 'node:crypto';

/**
 * A 2 KB PDF of its own for every upload (a comment line names what it is for): the same bytes
 * every time let the file store answer "already stored" (a stat and a compare) instead of writing
 * the file and syncing it and its directory, as it does for a person's real scan.
 */
export const materialFile = (label: string): Buffer =>
  Buffer.concat([
    Buffer.from(`%PDF-1.7\n%${label} ${randomUUID()}\n`),
    Buffer.alloc(2000, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]);
