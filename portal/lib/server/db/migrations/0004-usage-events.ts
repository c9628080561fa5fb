import type { Kysely } from 'kysely';

// Usage events as the sidecars report them, one row per proxied request. The primary key is what makes ingestion
// idempotent: a batch sent again after a lost acknowledgement inserts nothing new.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_events')
    .addColumn('gateway_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('environment_id', 'text', (c) => c.notNull())
    .addColumn('api_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('latency_ms', 'real', (c) => c.notNull())
    .addColumn('bytes_in', 'bigint', (c) => c.notNull())
    .addColumn('bytes_out', 'bigint', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_events_pk', ['gateway_id', 'event_id'])
    .execute();
  await db.schema.createIndex('usage_events_app_at_idx').on('usage_events').columns(['app_id', 'at']).execute();
  await db.schema.createIndex('usage_events_api_at_idx').on('usage_events').columns(['api_id', 'at']).execute();
  await db.schema.createIndex('usage_events_at_idx').on('usage_events').column('at').execute();

  await db.schema
    .createTable('gateway_usage_stats')
    .addColumn('gateway_id', 'text', (c) => c.primaryKey())
    .addColumn('dropped_total', 'bigint', (c) => c.notNull())
    .addColumn('events_total', 'bigint', (c) => c.notNull())
    .addColumn('last_batch_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('gateway_usage_stats').execute();
  await db.schema.dropTable('usage_events').execute();
}
