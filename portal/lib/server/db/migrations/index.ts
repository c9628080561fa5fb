import type { Migration } from 'kysely';
import * as m0001 from './0001-initial-schema';

/**
 * Ordered migrations. A static list rather than a directory scan because the portal is bundled by Next.js, where
 * files cannot be discovered at run time. Append only; never edit a migration that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial-schema': m0001,
};
