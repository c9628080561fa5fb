import type { Kysely } from 'kysely';

// Issue #17: notices also go out by email when the operator configures SMTP. An outbox rather than a send in the
// request: the row is written in the transaction that adds the notice (so a committed notice always has its email
// and a rolled-back one never does), and a background loop sends it, retrying with backoff while the mail server is
// down. `locked_until` is a lease: the replica that claims a row owns it until then, so several portal replicas on
// PostgreSQL never send the same row at once, and a replica that dies mid-send lets another retry after the lease.
// A sent row is deleted; a row that failed for good keeps `failed_at` and the server's last answer for the operator.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().unique().references('notifications.id').onDelete('cascade'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_emails_due').on('notification_emails').columns(['failed_at', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_emails').execute();
}
