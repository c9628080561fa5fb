/**
 * Where to go after signing in. Only same-origin paths are accepted: an absolute or protocol-relative URL in
 * `callbackUrl` would turn the sign-in page into an open redirect.
 */
export function safeCallbackUrl(raw: string | null | undefined, fallback = '/apps'): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return raw;
}

/** `/signin?callbackUrl=/apps`: slashes are legal in a query value, and readable URLs are easier to share. */
export function signInHref(path: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(path).replace(/%2F/gi, '/')}`;
}
