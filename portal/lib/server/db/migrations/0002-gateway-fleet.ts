import type { Kysely } from 'kysely';

// When a gateway first reported a revision older than its environment's: the fleet tells a gateway that is
// catching up (behind for a moment after a change) from a stale one (behind for longer than a minute).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('gateways').addColumn('behind_since', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('gateways').dropColumn('behind_since').execute();
}
