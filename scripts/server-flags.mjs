/**
 * The V8 flags and the environment the server runs with: `npm start` and the benchmarks that
 * start a server use these, and `bench:exchange` (which runs the sharing query in its own process)
 * repeats the flags in its npm script.
 *
 * `--max-semi-space-size=64` (MiB): a request's objects live across its database round trips, and
 * with V8's default young generation (16 MiB semi-spaces) those still alive at a scavenge are
 * promoted, filling the old generation and keeping its concurrent marking busy: perf found V8's
 * marking threads on a fifth of the machine's samples under `bench:exchange`'s audited queries
 * (2026-12-04). The same bench, run twice in a row without and with the flag: audited ÷ direct
 * 0.651 and 0.855. It costs up to ~200 MiB of memory per server process under load.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/**
 * libuv's thread pool: 16 threads unless UV_THREADPOOL_SIZE says otherwise (libuv's default is 4).
 * Every file a person uploads is written, synced, renamed and its directory synced on that pool,
 * and the analytics store (DuckDB) runs its work there too; with 4 threads the syncs of concurrent
 * uploads queued behind one another and behind DuckDB. `bench:cases` with each upload a new file,
 * the same hour: 133–138 cases/s sustained with 4 threads, 156 with 16, upload p50 95 → 79 ms.
 */
export const serverEnv = (env = process.env) => ({ ...env, UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE || '16' });
