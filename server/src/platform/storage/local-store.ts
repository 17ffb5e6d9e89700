/**
 * Files in a local directory (default `DATA_DIR/files`), laid out by key:
 * `<root>/sha256/ab/ab12…`. Each file is written to a temporary name in its final directory,
 * flushed, then renamed, and the directory flushed, so a reader never sees half a file and a crash
 * leaves at most a stray `.tmp-*` file. Files are 0600 and directories 0700: only the service's
 * user reads them.
 *
 * A put's file-system calls (up to eleven: look, write, sync, close, rename, sync the directory…)
 * run synchronously on a few writer threads (file-writer.worker.mjs), one message each way: as
 * separate asynchronous calls each cost the event loop a turn and ~20 µs of the main thread's time
 * (~180 µs a put against ~50, measured with 20 puts at a time), and an upload waited for eleven
 * turns of a busy loop.
 */
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hashOfKey, storedFileOf, verified, type FileStore } from './file-store.js';

export interface LocalStoreOptions {
  /** Root directory; created when missing. */
  dir: string;
}

const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException)?.code === 'ENOENT';

export function createLocalStore(options: LocalStoreOptions): FileStore {
  const root = path.resolve(options.dir);
  const writers = new FileWriters();

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
      await writers.put(pathOf(file.key), bytes);
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

const WRITER = new URL('./file-writer.worker.mjs', import.meta.url);
/** Writer threads: enough for several syncs at once, as libuv's pool gave the asynchronous puts. */
const WRITERS = 4;

interface Waiting {
  thread: Worker;
  resolve(): void;
  reject(e: Error): void;
}

/**
 * The writer threads, started on the first put. A thread keeps the process alive
 * only while it holds a put. A thread that fails or exits fails the puts it held (the caller's
 * request answers an error, nothing is recorded) and is started again for the next put.
 */
class FileWriters {
  private readonly threads: (Worker | undefined)[] = Array.from({ length: WRITERS });
  private readonly waiting = new Map<number, Waiting>();
  private seq = 0;

  put(target: string, bytes: Buffer): Promise<void> {
    // All threads start with the first put (a thread takes tens of milliseconds to start), and each
    // put goes to the thread holding the fewest: one slow sync must not hold up puts behind it
    // while other threads are free.
    const threads = this.threads.map((t, i) => t ?? this.start(i));
    const thread = threads.reduce((a, b) => (this.held(b) < this.held(a) ? b : a));
    const id = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { thread, resolve, reject });
      thread.ref();
      thread.postMessage({ id, target, bytes });
    });
  }

  private held(thread: Worker): number {
    let n = 0;
    for (const w of this.waiting.values()) if (w.thread === thread) n++;
    return n;
  }

  /** Lets the process end while the thread holds nothing. */
  private settled(thread: Worker): void {
    if (this.held(thread) === 0) thread.unref();
  }

  private start(index: number): Worker {
    const thread = new Worker(WRITER);
    thread.unref();
    thread.on('message', (m: { id: number; error?: { message: string; code?: string } }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      this.settled(thread);
      if (!m.error) return w.resolve();
      w.reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}));
    });
    const gone = (e: Error) => {
      if (this.threads[index] === thread) this.threads[index] = undefined;
      for (const [id, w] of this.waiting)
        if (w.thread === thread) {
          this.waiting.delete(id);
          w.reject(e);
        }
    };
    thread.on('error', gone);
    thread.on('exit', (code) => gone(new Error(`the file writer thread stopped (exit code ${code})`)));
    this.threads[index] = thread;
    return thread;
  }
}
