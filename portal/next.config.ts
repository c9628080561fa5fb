import path from 'node:path';
import type { NextConfig } from 'next';

// The portal imports the wire contract as `@gatehouse/sidecar/contract/*`, which tsconfig's paths map to the
// sidecar's source in this repository (one module, two deployables), so Turbopack's root is the repository.
const repoRoot = path.resolve(__dirname, '..');

/**
 * Headers on every response of the portal (below). The CSP allows inline scripts and styles because the
 * App Router streams its payload in inline scripts and Scalar styles inline; what it removes is script from any other
 * origin, plugins, `<base>` hijacking, form posts elsewhere and framing (clickjacking). `connect-src` must reach
 * every gateway for the try-it console, and gateway URLs are data (one per environment), so it allows http(s)
 * origins unless the operator lists them in GATEHOUSE_CSP_CONNECT_SRC.
 */
function securityHeaders(env: NodeJS.ProcessEnv = process.env): { key: string; value: string }[] {
  const dev = env.NODE_ENV === 'development';
  const connect = env.GATEHOUSE_CSP_CONNECT_SRC?.trim() || 'http: https:';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${connect}${dev ? ' ws:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: csp },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  ];
}

const config: NextConfig = {
  // pg stays a Node module too: bundled, its optional `pg-native` require breaks the build.
  serverExternalPackages: ['better-sqlite3', 'pg'],
  // The production image (portal/Dockerfile) runs Next's self-contained server; `npm start` keeps `next start`,
  // which does not work with this output.
  ...(process.env.GATEHOUSE_STANDALONE === '1' ? { output: 'standalone' as const } : {}),
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  typedRoutes: false,
  // Every page and route (issue #13): CSP with frame-ancestors, nosniff, a referrer policy (security-headers.ts).
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders() }];
  },
};

export default config;
