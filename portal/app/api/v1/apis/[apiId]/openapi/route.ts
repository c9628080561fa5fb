import { getApiDocument } from '@/lib/server/apis/get-api-document';
import { withErrors } from '@/lib/server/http/handlers';

export const GET = withErrors<{ apiId: string }>(async ({ db, params }) => {
  const { document, contentType } = await getApiDocument(db, params.apiId);
  return new Response(document, { headers: { 'content-type': `${contentType}; charset=utf-8`, 'x-content-type-options': 'nosniff' } });
});
