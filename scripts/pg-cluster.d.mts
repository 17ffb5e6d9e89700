/** Types of pg-cluster.mjs for TypeScript callers (tests and benchmarks). */
export interface Cluster {
  url: string;
  /** The same server through its Unix-domain socket (in `socketDir`), as a co-located deployment connects. */
  socketUrl: string;
  socketDir: string;
  port: number;
  bin: string;
  /** Stops the server (fast shutdown), keeping its data for `startServer`. */
  stopServer(): void;
  /** Starts it again on the same port with the same data. */
  startServer(): void;
  /** Stops the server and deletes its data. */
  stop(): void;
}
export function findPostgresBin(): string | undefined;
export function startCluster(): Promise<Cluster | undefined>;
