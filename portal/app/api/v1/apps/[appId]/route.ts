import { deleteApplication } from '@/lib/server/apps/delete-application';
import { getOwnedApp, toAppDto } from '@/lib/server/apps/get-owned-app';
import { withSession } from '@/lib/server/http/handlers';

type Params = { appId: string };

export const GET = withSession<Params>(async ({ db, actor, params }) => Response.json(toAppDto(await getOwnedApp(db, actor, params.appId))));

export const DELETE = withSession<Params>(async ({ db, actor, params }) => {
  await deleteApplication(db, actor, params.appId);
  return new Response(null, { status: 204 });
});
