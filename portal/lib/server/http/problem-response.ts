import { PROBLEM_CONTENT_TYPE, problem } from '@gatehouse/sidecar/contract/problem';
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { bodyLimitError } from './body-limit';

export function problemResponse(status: number, code: string, title: string, detail?: string, extra?: Record<string, unknown>): Response {
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' };
  // A refusal that says when to come back says it the standard way too (RFC 9110, Retry-After).
  if (typeof extra?.retryAfterS === 'number') headers['retry-after'] = String(extra.retryAfterS);
  return new Response(JSON.stringify(problem(status, code, title, detail, extra)), { status, headers });
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  426: 'Upgrade required',
  429: 'Too many requests',
};

/** Expected errors become their problem; anything else a 500 that says nothing internal (the cause is logged). */
export function errorToResponse(caught: unknown, req: Request): Response {
  // A body read past its limit rejects with the limit's AppError, which undici may wrap (body-limit.ts).
  const err = bodyLimitError(caught) ?? caught;
  if (err instanceof AppError) {
    return problemResponse(err.status, err.code, TITLES[err.status] ?? 'Error', err.message, err.extra);
  }
  if (err instanceof ZodError) {
    const errors = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return problemResponse(400, 'INVALID_REQUEST', 'Invalid request', errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '), { errors });
  }
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled error', method: req.method, path: new URL(req.url).pathname, err: String((err as Error)?.stack ?? err) }));
  return problemResponse(500, 'INTERNAL', 'Internal error', 'Something went wrong on our side. It has been logged.');
}
