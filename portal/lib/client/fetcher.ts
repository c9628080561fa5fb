import { ApiError, type FieldError } from './api-error';
import { reportSessionExpired } from './session-expiry';

interface Problem {
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
}

async function toApiError(res: Response): Promise<ApiError> {
  // A proxy or a crashed route may answer with HTML; fall back to the status so the caller still gets an ApiError.
  let problem: Problem = {};
  try {
    problem = (await res.json()) as Problem;
  } catch {
    // Not problem+json: keep the defaults below.
  }
  const detail = problem.detail ?? problem.title ?? `Request failed (${res.status})`;
  return new ApiError(res.status, problem.code ?? 'HTTP_ERROR', detail, problem.errors ?? []);
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  if (res.status === 401) reportSessionExpired();
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The SWR fetcher: a GET that throws ApiError on any non-2xx answer. */
export function fetcher<T>(url: string): Promise<T> {
  return request<T>(url, { method: 'GET' });
}

export function postJson<T>(url: string, body: unknown): Promise<T> {
  return request<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export function del(url: string): Promise<void> {
  return request<void>(url, { method: 'DELETE' });
}

/** A write with an optional JSON body (PUT, PATCH, DELETE or POST), with the same problem+json handling. */
export function sendJson<T>(method: 'PUT' | 'PATCH' | 'DELETE' | 'POST', url: string, body?: unknown): Promise<T> {
  if (body === undefined) return request<T>(url, { method });
  return request<T>(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
