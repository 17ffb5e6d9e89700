/**
 * Transport-neutral error kinds. Services throw these; the HTTP error handler maps them to
 * RFC 9457 problem documents. Every error carries a stable `code` (MODULE.REASON) and a message
 * in Chinese and English that is safe to show.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldError {
  /** JSON pointer-ish path of the offending field, e.g. `materials.2.copies`. */
  field: string;
  code: string;
  message: Bilingual;
}

export type ErrorKind =
  | 'Invalid'
  | 'Unprocessable'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'Conflict'
  | 'TooManyRequests'
  | 'Unavailable';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  Invalid: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  Unprocessable: 422,
  TooManyRequests: 429,
  Unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly bilingual: Bilingual,
    readonly errors: FieldError[] = [],
    /** Extra, safe-to-show facts (e.g. the current state in a 409). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${bilingual.en}`);
    this.name = 'AppError';
  }
}

const make =
  (kind: ErrorKind) =>
  (code: string, message: Bilingual, errors: FieldError[] = [], details: Record<string, unknown> = {}) =>
    new AppError(kind, code, message, errors, details);

export const invalid = make('Invalid');
export const unprocessable = make('Unprocessable');
export const unauthorized = make('Unauthorized');
export const forbidden = make('Forbidden');
export const notFound = make('NotFound');
export const conflict = make('Conflict');
export const tooManyRequests = make('TooManyRequests');
export const unavailable = make('Unavailable');

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
