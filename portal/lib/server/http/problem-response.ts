import { PROBLEM_CONTENT_TYPE, problem } from '@gatehouse/sidecar/contract/problem';
import { ZodError } from 'zod';
import { AppError } from '../errors';

export function problemResponse(status: number, code: string, title: string, detail?: string, extra?: Record<string, unknown>): Response {
  return new Response(JSON.stringify(problem(status, code, title, detail, extra)), {
    status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' },
  });
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Unprocessable request',
  426: 'Upgrade required',
};

/** Expected errors become their problem; anything else a 500 that says nothing internal (the cause is logged). */
export function errorToResponse(err: unknown, req: Request): Response {
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
