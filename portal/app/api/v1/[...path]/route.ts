import { withErrors } from '@/lib/server/http/handlers';
import { problemResponse } from '@/lib/server/http/problem-response';

// Wrapped like every route, so that even a path with no operation refuses an oversized body by its length.
const notFound = withErrors<{ path: string[] }>(async ({ req }) => problemResponse(404, 'NOT_FOUND', 'Not found', `No API operation at ${new URL(req.url).pathname}`));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
