import 'server-only';
import type { Db } from '../db/client';

export async function listEnvironments(db: Db) {
  const rows = await db.selectFrom('environments').select(['id', 'name', 'gateway_url', 'revision']).orderBy('name').execute();
  return rows.map((e) => ({ id: e.id, name: e.name, gatewayUrl: e.gateway_url, revision: Number(e.revision) }));
}
