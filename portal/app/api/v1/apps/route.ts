import { createApplication, createApplicationInput } from '@/lib/server/apps/create-application';
import { listApplications } from '@/lib/server/apps/list-applications';
import { readBody, withSession } from '@/lib/server/http/handlers';

export const GET = withSession(async ({ db, actor }) => Response.json({ items: await listApplications(db, actor) }));

export const POST = withSession(async ({ req, db, actor }) => {
  const app = await createApplication(db, actor, await readBody(req, createApplicationInput));
  return Response.json(app, { status: 201 });
});
