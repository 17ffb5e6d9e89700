/**
 * The one fetch helper for the portal's API calls. Failures come back from the server as RFC 9457
 * `application/problem+json`; they are thrown as {@link ProblemError} so that pages can show the
 * server's `detail` (already in the user's language, chosen by Accept-Language).
 */
import { currentLanguage } from './i18n';

/** RFC 9457 problem document as the Tongban API writes it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: { field: string; code: string; message: string }[];
}

export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

/** The request never got an answer the portal could read (offline, proxy error page, bad JSON). */
export class NetworkError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'NetworkError';
    this.status = status;
  }
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).status === 'number' && typeof (body as Problem).title === 'string';
}

export async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      signal,
      headers: { accept: 'application/json, application/problem+json', 'accept-language': currentLanguage() === 'en' ? 'en' : 'zh-CN' },
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  }
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    if (isProblem(body)) throw new ProblemError(body);
    throw new NetworkError(`HTTP ${response.status}`, response.status);
  }
  if (body === undefined) throw new NetworkError('response is not JSON', response.status);
  return body as T;
}

/** Client errors (4xx) will not go away by asking again. */
export function isRetryable(error: unknown): boolean {
  const status = error instanceof ProblemError || error instanceof NetworkError ? error.status : undefined;
  return status === undefined || status >= 500;
}
