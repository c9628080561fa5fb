import { hash, randomBytes } from 'node:crypto';
import { GATEWAY_TOKEN_PREFIX } from '@gatehouse/sidecar/contract/sync';

/** A gateway's credential: shown once at registration, stored as SHA-256 like API keys. */
export function generateGatewayToken(): string {
  return GATEWAY_TOKEN_PREFIX + randomBytes(24).toString('base64url');
}

export function hashGatewayToken(token: string): string {
  return hash('sha256', token, 'hex');
}
