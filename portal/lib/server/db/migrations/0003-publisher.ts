import type { Kysely } from 'kysely';

// Issue 4: the publisher and admin side. Portable DDL only (kysely's schema builder), like 0001.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A Markdown overview per API, and the lineage that groups the versions of one API (the first version's id).
  await db.schema.alterTable('apis').addColumn('overview', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('apis').addColumn('lineage_id', 'text').execute();
  // The backend an environment's gateways forward to, when it differs from the API's default backend.
  await db.schema.alterTable('deployments').addColumn('backend_url', 'text').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text')
    .addColumn('actor_email', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_created_idx').on('audit_events').column('created_at').execute();

  await db.schema
    .createTable('personal_access_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('personal_access_tokens_user_idx').on('personal_access_tokens').column('user_id').execute();

  // Admin-set switches, such as allowing OpenAPI imports from private addresses (off unless an admin says so).
  await db.schema
    .createTable('portal_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['portal_settings', 'personal_access_tokens', 'audit_events']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('deployments').dropColumn('backend_url').execute();
  await db.schema.alterTable('apis').dropColumn('lineage_id').execute();
  await db.schema.alterTable('apis').dropColumn('overview').execute();
}
