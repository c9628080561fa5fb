import { ApiError } from '@/lib/client/api-error';

/** PUT / PATCH / DELETE with the same problem+json handling as lib/client/fetcher.ts. */
export async function sendJson<T>(method: 'PUT' | 'PATCH' | 'DELETE' | 'POST', url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    let p: { code?: string; detail?: string; title?: string; errors?: { path: string; message: string }[] } = {};
    try {
      p = await res.json();
    } catch {
      // Not problem+json: the status says enough.
    }
    throw new ApiError(res.status, p.code ?? 'HTTP_ERROR', p.detail ?? p.title ?? `Request failed (${res.status})`, p.errors ?? []);
  }
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}
