import type { Kysely } from 'kysely';

// Issue #15: what each replica used to keep for itself moves to the database they share.
// `portal_secrets`: secrets generated once for the whole portal (the sync signing key), created race-free by
// insert-or-ignore so that every replica reads the same one. `sign_in_failures`: the sign-in throttle's counts
// (per account and per address), so that spreading guesses over replicas buys an attacker nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portal_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'bigint', (c) => c.notNull())
    // Epoch ms, so the back-off arithmetic needs no date parsing.
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_last_idx').on('sign_in_failures').column('last_failure_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema.dropTable('portal_secrets').execute();
}
