import { withErrors } from '@/lib/server/http/handlers';
import { publishJwks } from '@/lib/server/oauth/publish-jwks';

/** Public signing keys of access tokens; short cache so a rotated-in key is seen well before it signs. */
export const GET = withErrors(async ({ db }) => Response.json(await publishJwks(db), { headers: { 'cache-control': 'public, max-age=60' } }));
