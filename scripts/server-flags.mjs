/**
 * The V8 flags the server runs with: `npm start` and the benchmarks that start a server use these,
 * and `bench:exchange` (which runs the sharing query in its own process) repeats them in its npm
 * script.
 *
 * `--max-semi-space-size=64` (MiB): a request's objects live across its database round trips, and
 * with V8's default young generation (16 MiB semi-spaces) those still alive at a scavenge are
 * promoted, filling the old generation and keeping its concurrent marking busy: perf found V8's
 * marking threads on a fifth of the machine's samples under `bench:exchange`'s audited queries
 * (2026-12-04). The same bench, run twice in a row without and with the flag: audited ÷ direct
 * 0.651 and 0.855. It costs up to ~200 MiB of memory per server process under load.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
