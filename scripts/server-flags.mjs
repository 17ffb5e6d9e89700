/**
 * The V8 flags the server runs with: `npm start` and the benchmarks that start a server use these,
 * and `bench:exchange` (which runs the sharing query in its own process) repeats them in its npm
 * script.
 *
 * `--max-semi-space-size=64` (MiB): a request's objects live across its database round trips, and
 * with V8's default young generation (16 MiB semi-spaces) those still alive at a scavenge are
 * promoted, filling the old generation and running its concurrent marking all the time: a fifth
 * of the machine's CPU under `bench:exchange`'s audited queries (perf, 2026-12-04), and the
 * audited path's CPU per query in this process went from ~1.3× the direct look-up's to ~1.07×.
 * It costs up to ~200 MiB of memory per server process under load.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
