import type { Migration } from 'kysely';
import * as m0001 from './0001-initial-schema';
import * as m0002 from './0002-gateway-fleet';
import * as m0003 from './0003-publisher';
import * as m0004 from './0004-usage-events';
import * as m0005 from './0005-oauth-clients';
import * as m0006 from './0006-monthly-quota';
import * as m0007 from './0007-usage-hourly';
import * as m0008 from './0008-credential-scope';
import * as m0009 from './0009-postgres-widths';
import * as m0010 from './0010-shared-state';
import * as m0011 from './0011-notifications';
import * as m0012 from './0012-notification-emails';

/**
 * Ordered migrations. A static list rather than a directory scan because the portal is bundled by Next.js, where
 * files cannot be discovered at run time. Append only; never edit a migration that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial-schema': m0001,
  '0002-gateway-fleet': m0002,
  '0003-publisher': m0003,
  '0004-usage-events': m0004,
  '0005-oauth-clients': m0005,
  '0006-monthly-quota': m0006,
  '0007-usage-hourly': m0007,
  '0008-credential-scope': m0008,
  '0009-postgres-widths': m0009,
  '0010-shared-state': m0010,
  '0011-notifications': m0011,
  '0012-notification-emails': m0012,
};
