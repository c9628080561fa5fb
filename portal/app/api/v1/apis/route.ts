import { listApis } from '@/lib/server/apis/list-apis';
import { withErrors } from '@/lib/server/http/handlers';

export const GET = withErrors(async ({ req, db }) => {
  const q = new URL(req.url).searchParams.get('q') ?? undefined;
  return Response.json({ items: await listApis(db, q?.slice(0, 100)) });
});
