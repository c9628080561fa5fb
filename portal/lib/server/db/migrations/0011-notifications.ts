import type { Kysely } from 'kysely';

// Issue #17. What happened to the things a developer depends on (a version deprecated, retired or superseded, an
// approval decided, a key about to expire), kept per user until read. `dedupe_key` makes derived notices (a key
// expiring) idempotent: one row per key and deadline however often it is looked for. Times are ISO text and
// nothing here is SQLite-only, so the same migration runs on PostgreSQL. `api_keys.replaced_by` names the key a
// rotation issued, so the old key can say what replaces it while its grace period runs. `subscriptions.requested_tier_id`
// holds a tier change waiting for the publisher's approval, while the subscription keeps working on its current tier.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user_created').on('notifications').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_user_dedupe').on('notifications').columns(['user_id', 'dedupe_key']).unique().execute();
  await db.schema.alterTable('api_keys').addColumn('replaced_by', 'text').execute();
  await db.schema.alterTable('subscriptions').addColumn('requested_tier_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('subscriptions').dropColumn('requested_tier_id').execute();
  await db.schema.alterTable('api_keys').dropColumn('replaced_by').execute();
  await db.schema.dropTable('notifications').execute();
}
