import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Addresses and secrets of the local stack; every value can be overridden from the environment. */
export function stackConfig(repoRoot: string) {
  const host = process.env.GATEHOUSE_HOST ?? '127.0.0.1';
  const port = (name: string, fallback: number) => parsePort(name, process.env[name], fallback);
  const dataDir = path.resolve(repoRoot, process.env.GATEHOUSE_DATA_DIR ?? 'data');
  const portalUrl = `http://${host}:${port('GATEHOUSE_PORTAL_PORT', 3000)}`;
  const gatewayPort = port('GATEHOUSE_GATEWAY_PORT', 8080);
  return {
    repoRoot,
    host,
    dataDir,
    logDir: path.join(dataDir, 'logs'),
    portalPort: port('GATEHOUSE_PORTAL_PORT', 3000),
    portalUrl,
    gatewayListen: `${host}:${gatewayPort}`,
    gatewayUrl: `http://${host}:${gatewayPort}`,
    gatewayAdminListen: `${host}:${port('GATEHOUSE_GATEWAY_ADMIN_PORT', 8081)}`,
    backendPort: port('GATEHOUSE_BACKEND_PORT', 4000),
    backendUrl: `http://${host}:${port('GATEHOUSE_BACKEND_PORT', 4000)}`,
    nextAuthSecret: process.env.NEXTAUTH_SECRET ?? persistentSecret(dataDir),
  };
}
export type StackConfig = ReturnType<typeof stackConfig>;

/** A port from the environment; anything but a whole number from 1 to 65535 stops the start naming the variable. */
export function parsePort(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number from 1 to 65535, got ${JSON.stringify(raw)}`);
  }
  return value;
}

// Generated on first start and kept in the data directory, so sessions survive a restart.
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'nextauth-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
