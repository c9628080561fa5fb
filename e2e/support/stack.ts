import { createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pinnedPublicKey } from '@gatehouse/sidecar/contract/signature';

const host = '127.0.0.1';
const dataDir = 'data-e2e';
// Lets two checkouts run their e2e suites side by side on one machine.
const offset = Number(process.env.GATEHOUSE_E2E_PORT_OFFSET ?? 0);
const port = (base: number) => String(base + offset);

/** Where the e2e stack listens; ports differ from `npm start`'s defaults so both can run at once. */
export const E2E_STACK = {
  smtpPort: Number(port(2525)),
  dataDir,
  portalUrl: `http://${host}:${port(3210)}`,
  gatewayUrl: `http://${host}:${port(8290)}`,
  gatewayAdminUrl: `http://${host}:${port(8291)}`,
  env: {
    GATEHOUSE_DATA_DIR: dataDir,
    GATEHOUSE_HOST: host,
    GATEHOUSE_PORTAL_PORT: port(3210),
    GATEHOUSE_GATEWAY_PORT: port(8290),
    GATEHOUSE_GATEWAY_ADMIN_PORT: port(8291),
    GATEHOUSE_BACKEND_PORT: port(4210),
    // Notification email goes to a real SMTP server that e2e/specs/notification-email.spec.ts starts; until then
    // nothing listens there and the portal's outbox keeps retrying, as it would with a mail server down.
    GATEHOUSE_SMTP_URL: `smtp://mailer:secret@${host}:${port(2525)}`,
    GATEHOUSE_SMTP_FROM: 'Gatehouse <gatehouse@portal.test>',
  },
};

export function stackFile(name: string): string {
  return path.resolve(dataDir, name);
}

export function stackPids(): Record<'backend' | 'portal' | 'sidecar', number> {
  return JSON.parse(fs.readFileSync(stackFile('stack.json'), 'utf8'));
}

/** The portal's sync signing key in the pinned form a sidecar takes as `--portal-public-key`. */
export function portalPublicKey(): string {
  return pinnedPublicKey(createPublicKey(createPrivateKey(fs.readFileSync(stackFile('sync-signing-key.pem'), 'utf8'))));
}

export function demoCredentials(): { gatewayToken: string; subscriberKey: string } {
  return JSON.parse(fs.readFileSync(stackFile('demo-credentials.json'), 'utf8'));
}

/** Calls the gateway the way a backend client would: straight HTTP, no browser. */
export async function callGateway(pathAndQuery: string, key?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (key) headers.set('x-api-key', key);
  const res = await fetch(E2E_STACK.gatewayUrl + pathAndQuery, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}
