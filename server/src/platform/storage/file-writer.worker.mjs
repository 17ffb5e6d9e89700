/**
 * A file store thread (local-store.ts): one put per message, its file-system calls made here
 * synchronously, one answer back. The same steps as an asynchronous put: a copy already stored
 * with the same bytes is kept; otherwise the bytes go to a temporary name in the final directory,
 * are synced, renamed into place, and the directory is synced so that the rename survives a
 * crash. Plain JavaScript: a worker cannot load TypeScript under every runner (tests included).
 *
 * In: { id, target, bytes }. Out: { id } or { id, error: { message, code } }.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

const missing = (e) => e?.code === 'ENOENT';

/** The copy on disk holds exactly these bytes (a damaged one is written again). */
function alreadyStored(target, bytes) {
  try {
    const s = fs.statSync(target);
    return s.isFile() && s.size === bytes.length && fs.readFileSync(target).equals(bytes);
  } catch (e) {
    if (missing(e)) return false;
    throw e;
  }
}

function put(target, bytes) {
  if (alreadyStored(target, bytes)) return;
  const dir = path.dirname(target);
  const temp = path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  let fd;
  try {
    // The umask can only take permissions away from 0600; the directory is made on its first file.
    fd = fs.openSync(temp, 'wx', 0o600);
  } catch (e) {
    if (!missing(e)) throw e;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fd = fs.openSync(temp, 'wx', 0o600);
  }
  try {
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  syncDir(dir);
}

/** Makes the rename durable; where a directory cannot be opened or synced (Windows) it is skipped. */
function syncDir(dir) {
  let fd;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // fsync on a directory is not supported everywhere; the rename itself has happened.
  } finally {
    fs.closeSync(fd);
  }
}

parentPort?.on('message', ({ id, target, bytes }) => {
  try {
    put(target, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    parentPort?.postMessage({ id });
  } catch (e) {
    parentPort?.postMessage({ id, error: { message: String(e?.message ?? e), code: e?.code } });
  }
});
