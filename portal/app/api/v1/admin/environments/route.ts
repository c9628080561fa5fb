import { createEnvironment, createEnvironmentInput } from '@/lib/server/environments/create-environment';
import { listEnvironmentSummaries } from '@/lib/server/environments/list-environment-summaries';
import { readBody, withSession } from '@/lib/server/http/handlers';

export const GET = withSession(async ({ db, actor }) => Response.json({ items: await listEnvironmentSummaries(db, actor) }));

export const POST = withSession(async ({ req, db, actor }) =>
  Response.json(await createEnvironment(db, actor, await readBody(req, createEnvironmentInput)), { status: 201 }),
);
