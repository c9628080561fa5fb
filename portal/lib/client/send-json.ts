import { ApiError, type FieldError } from './api-error';

/** PUT / PATCH / DELETE / POST with a JSON body, throwing ApiError on a problem+json answer like fetcher.ts. */
export async function sendJson<T>(method: 'PUT' | 'PATCH' | 'DELETE' | 'POST', url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let p: { code?: string; detail?: string; title?: string; errors?: FieldError[] } = {};
    try {
      p = (await res.json()) as typeof p;
    } catch {
      // Not problem+json: the status says enough.
    }
    throw new ApiError(res.status, p.code ?? 'HTTP_ERROR', p.detail ?? p.title ?? `Request failed (${res.status})`, p.errors ?? []);
  }
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}
