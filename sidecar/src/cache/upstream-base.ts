/** The parts of a route's upstream URL that http.request needs, parsed once per route change. */
export interface UpstreamBase {
  protocol: 'http:' | 'https:';
  /** Host header form: IPv6 literals keep their brackets. */
  host: string;
  /** Connect form: IPv6 literals without brackets. */
  hostname: string;
  port: number;
  /** Path prefix with no trailing slash ('' for the root). */
  basePath: string;
}

export function compileUpstream(upstreamUrl: string): UpstreamBase {
  const url = new URL(upstreamUrl);
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
  return {
    protocol,
    host: url.hostname,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : protocol === 'https:' ? 443 : 80,
    basePath: url.pathname.replace(/\/+$/, ''),
  };
}
