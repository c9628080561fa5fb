import type { Kysely } from 'kysely';

// Monthly quotas. `refused` marks events the gateway itself refused (429 for rate or quota): they never count
// against a quota. `quota_usage` is the count that does, per subscription, calendar month (UTC) and reporting node,
// kept in step with usage_events inside the ingest transaction; the per-node split is what lets each sidecar add
// "the rest of the fleet" to its own exact count.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('usage_events').addColumn('refused', 'text').execute();
  await db.schema
    .createTable('quota_usage')
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('api_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('gateway_id', 'text', (c) => c.notNull())
    .addColumn('node', 'text', (c) => c.notNull())
    .addColumn('used', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('quota_usage_pk', ['app_id', 'api_id', 'period', 'gateway_id', 'node'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quota_usage').execute();
  await db.schema.alterTable('usage_events').dropColumn('refused').execute();
}
