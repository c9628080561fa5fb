import { getManagedApiDocument } from '@/lib/server/apis/get-managed-api-document';
import { withSession } from '@/lib/server/http/handlers';

export const GET = withSession<{ apiId: string }>(async ({ db, actor, params }) => {
  const doc = await getManagedApiDocument(db, actor, params.apiId);
  return new Response(doc.text, { headers: { 'content-type': doc.contentType, 'cache-control': 'private, no-cache', 'x-content-type-options': 'nosniff' } });
});
