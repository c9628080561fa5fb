import 'server-only';
import { dataDir } from '../db/client';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key';

// Read once per server process. On globalThis because Next.js bundles each route separately.
const holder = globalThis as unknown as { __gatehouseSigningKey?: SigningKey };

/** The running portal's signing key, from `<GATEHOUSE_DATA_DIR>/sync-signing-key.pem`. */
export function portalSigningKey(): SigningKey {
  holder.__gatehouseSigningKey ??= loadOrCreateSigningKey(dataDir());
  return holder.__gatehouseSigningKey;
}
