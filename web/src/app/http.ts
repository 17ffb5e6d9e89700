/**
 * The one fetch helper for the portal's API calls. Failures come back from the server as RFC 9457
 * `application/problem+json`; they are thrown as {@link ProblemError} so that pages can show the
 * server's `detail` (already in the user's language, chosen by Accept-Language).
 *
 * Requests carry the session cookie (same origin only); unsafe ones echo the session's CSRF token
 * from the `tb_csrf` cookie in `x-csrf-token`, as the server requires of cookie-authenticated
 * changes.
 */
import { currentLanguage } from '../ui/language';

/** RFC 9457 problem document as the Tongban API writes it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  /** The same message in both languages, so that a page can follow a language switch. */
  message?: { zh: string; en: string };
  errors?: { field: string; code: string; message: string }[];
  /** Extra facts some problems carry, e.g. `retryAfterSeconds` on a lockout. */
  [extra: string]: unknown;
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
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).status === 'number' &&
    typeof (body as Problem).title === 'string'
  );
}

const CSRF_COOKIE = 'tb_csrf';

/** The session's CSRF token as the server set it (a cookie readable by scripts), if signed in. */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface CallInit {
  query?: Query;
  /** A JSON body, or a file sent as it is (with its own content type). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function request<T>(method: Method, path: string, init: CallInit): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': currentLanguage() === 'en' ? 'en' : 'zh-CN',
    ...init.headers,
  };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  const file = init.body instanceof Blob ? init.body : undefined;
  if (init.body !== undefined)
    headers['content-type'] = file ? file.type || 'application/octet-stream' : 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, init.query), {
      method,
      signal: init.signal,
      credentials: 'same-origin',
      headers,
      body: file ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
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
  if (response.status === 204) return undefined as T;
  if (body === undefined) throw new NetworkError('response is not JSON', response.status);
  return body as T;
}

export function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, { query, signal });
}

/** POST/PUT/PATCH/DELETE with a JSON body (or none); resolves to undefined on 204 No Content. */
export function sendJson<T>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  return request<T>(method, path, { body, headers });
}

/** A file as the request body (uploads); the answer is JSON as for {@link sendJson}. */
export function sendFile<T>(method: 'PUT' | 'POST', path: string, file: Blob): Promise<T> {
  return request<T>(method, path, { body: file });
}

/** Client errors (4xx) will not go away by asking again. */
export function isRetryable(error: unknown): boolean {
  const status = error instanceof ProblemError || error instanceof NetworkError ? error.status : undefined;
  return status === undefined || status >= 500;
}
