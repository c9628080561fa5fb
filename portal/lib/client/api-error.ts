/** One field-level problem from a 400 INVALID_REQUEST answer. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * What every failed API call throws. Callers branch on `status` and `code` (stable strings from the server), and
 * show `detail`, which the server writes for people.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, code: string, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}

/** A message fit to show for any thrown value, so forms never print "[object Object]". */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.detail;
  return 'Something went wrong. Check your connection and try again.';
}
