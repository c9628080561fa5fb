import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../postgres';

// Issue #15: the portal on PostgreSQL. SQLite stores any integer in 64 bits and any real as a double, whatever the
// declared type; PostgreSQL takes `integer` and `real` literally (32-bit, single precision). These columns need
// the width SQLite already gave them: a monthly quota may pass 2^31 requests, and a float4 latency would round (the
// rollups' histogram buckets must see the latency the sidecar reported). On SQLite this migration changes nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table usage_events alter column latency_ms type double precision`.execute(db);
  await sql`alter table tiers alter column monthly_quota type bigint`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table tiers alter column monthly_quota type integer`.execute(db);
  await sql`alter table usage_events alter column latency_ms type real`.execute(db);
}
