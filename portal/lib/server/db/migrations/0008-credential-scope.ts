import type { Kysely } from 'kysely';

// Issue #13. `session_version` is embedded in every browser session (the next-auth JWT) and compared on each
// request: bumping it (sign-out, password change, disable) ends every session issued before. `rejected_total`
// counts usage events a gateway reported for traffic its environment does not route (forged or misrouted): they
// are refused, never stored, and the count is what an operator looks at.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('session_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('gateway_usage_stats').addColumn('rejected_total', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('gateway_usage_stats').dropColumn('rejected_total').execute();
  await db.schema.alterTable('users').dropColumn('session_version').execute();
}
