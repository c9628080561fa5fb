import path from 'node:path';
import type { NextConfig } from 'next';

// The portal imports the wire contract as `@gatehouse/sidecar/contract/*`, which tsconfig's paths map to the
// sidecar's source in this repository (one module, two deployables), so Turbopack's root is the repository.
const repoRoot = path.resolve(__dirname, '..');

const config: NextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
