/**
 * Files in a local directory (default `DATA_DIR/files`), laid out by key:
 * `<root>/sha256/ab/ab12…`. Each file is written to a temporary name in its final directory,
 * flushed, then renamed, so a reader never sees half a file and a crash leaves at most a stray
 * `.tmp-*` file. Files are 0600 and directories 0700: only the service's user reads them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { hashOfKey, storedFileOf, verified, type FileStore } from './file-store.js';

export interface LocalStoreOptions {
  /** Root directory; created when missing. */
  dir: string;
}

const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException)?.code === 'ENOENT';

export function createLocalStore(options: LocalStoreOptions): FileStore {
  const root = path.resolve(options.dir);

  /** The path of a key; refuses anything that is not a well-formed key or would leave the root. */
  const pathOf = (key: string): string => {
    hashOfKey(key);
    const full = path.resolve(root, ...key.split('/'));
    // The key pattern already excludes `..` and absolute paths; this guards the invariant itself.
    if (!full.startsWith(root + path.sep)) throw new Error(`key ${key} resolves outside the storage root`);
    return full;
  };

  return {
    async put(bytes, meta) {
      const file = storedFileOf(bytes, meta.contentType);
      const target = pathOf(file.key);
      const existing = await stat(target).catch((e: unknown) => (isMissing(e) ? undefined : Promise.reject(e)));
      // Already stored: nothing to write, unless the copy on disk was damaged, which this heals.
      if (existing?.isFile() && existing.size === file.size) {
        const same = await readFile(target).then(
          (b) => b.equals(bytes),
          () => false,
        );
        if (same) return file;
      }

      const dir = path.dirname(target);
      const temp = path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
      // The umask can only take permissions away from 0600. The directory is made on the first
      // file of its 256th of the key space, not looked for on every put.
      const create = () => open(temp, 'wx', 0o600);
      const handle = await create().catch(async (e: unknown) => {
        if (!isMissing(e)) throw e;
        await mkdir(dir, { recursive: true, mode: 0o700 });
        return create();
      });
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (e) {
        await handle.close();
        await unlink(temp).catch(() => undefined);
        throw e;
      }
      await handle.close();
      try {
        await rename(temp, target);
      } catch (e) {
        await unlink(temp).catch(() => undefined);
        throw e;
      }
      await syncDir(dir);
      return file;
    },

    async get(key) {
      const full = pathOf(key);
      try {
        return verified(key, await readFile(full));
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },

    async remove(key) {
      await unlink(pathOf(key)).catch((e: unknown) => (isMissing(e) ? undefined : Promise.reject(e)));
    },
  };
}

/** Makes the rename durable; some platforms cannot open a directory, and there it is skipped. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // fsync on a directory is not supported everywhere (Windows); the rename itself has happened.
  } finally {
    await handle.close();
  }
}
