import type { Kysely } from 'kysely';

// OAuth2 client credentials (issue 5). A client belongs to an application and holds one secret, stored as SHA-256
// like a key; revoking the secret revokes the client. Signing keys live in the database rather than the data dir so
// that every portal replica signs with, and publishes, the same keys.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oauth_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('secret_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_token_at', 'text')
    .execute();
  await db.schema.createIndex('oauth_clients_app_idx').on('oauth_clients').column('app_id').execute();

  await db.schema
    .createTable('oauth_signing_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('alg', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_jwk', 'text', (c) => c.notNull())
    // Epoch ms, so rotation arithmetic needs no date parsing: signs until retire_at, published until not_after.
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('retire_at', 'bigint', (c) => c.notNull())
    .addColumn('not_after', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oauth_signing_keys').execute();
  await db.schema.dropTable('oauth_clients').execute();
}
