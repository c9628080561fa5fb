import { portalOrigin } from '../portal-origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Is this a write that a page of another origin made the browser send with the portal's cookie? Browsers send
 * `Origin` on every non-GET request and `Sec-Fetch-Site` on every request, so a forged one carries at least one of
 * them naming the other origin: an auto-submitting form on another port of the same host created an application
 * this way (issue #13; SameSite=Lax does not help, a port is the same site). A request with neither is not from a
 * browser page (curl, scripts with a cookie jar) and cannot be forged by one.
 */
export function isForeignWrite(req: Request, ownOrigin = portalOrigin()): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const site = req.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.get('origin');
  return origin !== null && origin !== ownOrigin;
}
