/**
 * Whether an error means "the database cannot be reached right now" (a restart, a network cut, a
 * server refusing connections) rather than a fault in the statement: such failures answer 503 and
 * make workers back off, instead of a 500 or a dead letter.
 */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** SQLSTATE: admin/crash shutdown, cannot connect now, too many connections. Class 08: connection exceptions. */
const SQLSTATE = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES =
  /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Connection ended unexpectedly|the database system is (starting up|shutting down)/i;

export function isDatabaseUnavailable(e: unknown): boolean {
  for (let err = e, depth = 0; err && depth < 5; err = (err as { cause?: unknown }).cause, depth++) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK.has(code) || SQLSTATE.has(code) || /^08/.test(code))) return true;
    if (err instanceof Error && MESSAGES.test(err.message)) return true;
  }
  return false;
}
