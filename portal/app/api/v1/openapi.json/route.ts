import { withErrors } from '@/lib/server/http/handlers';
import { buildOpenApiDocument } from './build-document';

export const GET = withErrors(async ({ req }) => Response.json(buildOpenApiDocument(new URL('/api/v1', req.url).toString())));
