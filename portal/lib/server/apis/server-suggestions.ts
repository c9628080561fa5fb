import { apiFields } from './api-fields';

/** Where the document says it is served, as prefills: the backend to forward to and a context path to serve it at. */
export interface ServerSuggestions {
  /** The first absolute http(s) server URL, variables filled with their defaults, without a trailing slash. */
  backendUrl: string | null;
  /** That server's path (`/api/v3` for `https://petstore3.swagger.io/api/v3`) when it is a valid context path. */
  context: string | null;
}

const withDefaults = (url: string, variables: unknown) =>
  url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = (variables as Record<string, { default?: unknown }> | undefined)?.[name]?.default;
    return typeof v === 'string' ? v : whole;
  });

/**
 * Reads `servers` (OpenAPI 3.x) for the import and replace forms. Only suggestions: the publisher sees them in the
 * fields and may change them; a relative server URL suggests a context but no backend.
 */
export function suggestFromServers(doc: unknown): ServerSuggestions {
  const servers = (doc as { servers?: unknown } | null)?.servers;
  const out: ServerSuggestions = { backendUrl: null, context: null };
  if (!Array.isArray(servers)) return out;
  for (const server of servers) {
    const raw = (server as { url?: unknown; variables?: unknown } | null)?.url;
    if (typeof raw !== 'string') continue;
    const url = withDefaults(raw.trim(), (server as { variables?: unknown }).variables);
    let parsed: URL;
    try {
      parsed = new URL(url, 'relative:/');
    } catch {
      continue;
    }
    const path = parsed.pathname.replace(/\/+$/, '');
    out.context ??= apiFields.context.safeParse(path).success ? path : null;
    if (out.backendUrl === null && /^https?:$/.test(parsed.protocol)) {
      const backend = url.replace(/\/+$/, '');
      if (apiFields.backendUrl.safeParse(backend).success) out.backendUrl = backend;
    }
    if (out.backendUrl !== null && out.context !== null) break;
  }
  return out;
}
