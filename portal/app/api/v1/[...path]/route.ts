import { problemResponse } from '@/lib/server/http/problem-response';

const notFound = async (req: Request) => problemResponse(404, 'NOT_FOUND', 'Not found', `No API operation at ${new URL(req.url).pathname}`);
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
