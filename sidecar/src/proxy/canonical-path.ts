declare const canonical: unique symbol;

/**
 * A request path the gateway decided on once, at the edge: routing, key scope and forwarding take only this type, so
 * no later code can use the raw request target by accident (STYLE.md, code that a stranger's bytes reach).
 */
export type CanonicalPath = string & { readonly [canonical]: true };

export type TargetVerdict =
  | { ok: true; path: CanonicalPath; /** `?...` as received, or ''. */ query: string }
  | { ok: false; code: 'BAD_REQUEST_TARGET' };

const REFUSED: TargetVerdict = { ok: false, code: 'BAD_REQUEST_TARGET' };

/**
 * RFC 3986 `pchar` and `/` only: no `\` (WHATWG URL parsers read it as `/`), no `#`, no space, no control or
 * non-ASCII byte. `%` must start a well-formed escape.
 */
const PATH_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
/**
 * Escapes a backend could decode into something the gateway did not route on: `/` `\` `.`, NUL and control
 * characters, also double-encoded (`%252f`, `%25252e`...).
 */
const DANGEROUS_ESCAPE = /%(?:25)*(?:2f|5c|2e|[01][0-9a-f]|7f)/i;
/** `.` or `..` as a whole segment, also with a `;` parameter (`..;` climbs in Tomcat and Jetty). */
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:[/;]|$)/;
/** Query: printable ASCII only; `#` would make a fragment the gateway never saw. */
const QUERY_CHARS = /^[\x21\x22\x24-\x7e]*$/;

/**
 * Accepts only origin-form (`/path?query`, RFC 9112 3.2.1) and a path that every backend reads the way the gateway
 * does; refuses everything else rather than normalising it, as Envoy does with `path_with_escaped_slashes_action:
 * REJECT_REQUEST`. An empty segment (`//`) is refused too: a backend may merge it, or read `//host` as an authority.
 * Publishers who need encoded slashes inside a segment can later get an explicit per-API option; the default refuses.
 */
export function parseRequestTarget(target: string): TargetVerdict {
  if (target.charCodeAt(0) !== 0x2f) return REFUSED; // absolute-form, authority-form and `*` do not start with `/`
  const queryAt = target.indexOf('?');
  const path = queryAt >= 0 ? target.slice(0, queryAt) : target;
  const query = queryAt >= 0 ? target.slice(queryAt) : '';
  if (!PATH_CHARS.test(path) || path.includes('//') || DOT_SEGMENT.test(path)) return REFUSED;
  if (path.includes('%') && DANGEROUS_ESCAPE.test(path)) return REFUSED;
  if (query !== '' && (!QUERY_CHARS.test(query.slice(1)))) return REFUSED;
  return { ok: true, path: path as CanonicalPath, query };
}
