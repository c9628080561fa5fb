export interface TryRequest {
  baseUrl: string;
  method: string;
  /** The path template as the document writes it, e.g. `/books/{id}`. */
  path: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body: string;
  apiKey: string;
}

export interface TryResponse {
  status: number;
  statusText: string;
  ms: number;
  headers: [string, string][];
  body: string;
  url: string;
}

export type TryOutcome = { ok: true; response: TryResponse } | { ok: false; url: string; message: string };

/**
 * The URL the browser calls: the gateway's base URL, the path with its parameters filled in and the non-empty
 * query parameters. A parameter value stays one path segment: `/` in it is percent-encoded, and `.` or `..` (which
 * URL parsing would resolve, encoded or not, climbing out of the API's path) is refused.
 */
export function requestUrl(r: Pick<TryRequest, 'baseUrl' | 'path' | 'pathParams' | 'query'>): string {
  const path = r.path.replace(/\{([^}/]+)\}/g, (whole, name: string) => {
    const value = r.pathParams[name];
    if (value === undefined || value === '') return whole;
    if (value === '.' || value === '..') throw new RangeError(`The path parameter ${name} cannot be “${value}”.`);
    return encodeURIComponent(value);
  });
  const url = new URL(r.baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(r.query)) if (value !== '') url.searchParams.set(name, value);
  return url.toString();
}

function pretty(text: string, type: string | null): string {
  if (!type?.includes('json')) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * Calls the gateway straight from the browser (no portal proxy: the portal never sees the key or the answer). The
 * gateway answers CORS for the portal's origin and exposes its RateLimit headers; a network or CORS failure has no
 * status to show, so it comes back as a message.
 */
export async function sendTryRequest(r: TryRequest): Promise<TryOutcome> {
  let url: string;
  try {
    url = requestUrl(r);
  } catch (err) {
    return { ok: false, url: r.baseUrl + r.path, message: err instanceof RangeError ? err.message : 'The path is not a valid URL path.' };
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (r.apiKey) headers['x-api-key'] = r.apiKey;
  const withBody = r.body.trim() !== '' && r.method !== 'GET' && r.method !== 'HEAD';
  if (withBody) headers['content-type'] = 'application/json';
  const started = performance.now();
  try {
    const res = await fetch(url, { method: r.method, headers, body: withBody ? r.body : undefined, credentials: 'omit', cache: 'no-store' });
    const text = await res.text();
    return {
      ok: true,
      response: {
        status: res.status,
        statusText: res.statusText,
        ms: Math.round(performance.now() - started),
        headers: [...res.headers.entries()],
        body: pretty(text, res.headers.get('content-type')),
        url,
      },
    };
  } catch {
    return { ok: false, url, message: 'The gateway could not be reached from this browser (offline, or it does not allow this portal’s origin).' };
  }
}
