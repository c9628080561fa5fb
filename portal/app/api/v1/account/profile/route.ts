import { readBody, withSession } from '@/lib/server/http/handlers';
import { getProfile, updateProfile, updateProfileInput } from '@/lib/server/users/profile';

export const GET = withSession(async ({ db, actor }) => Response.json(await getProfile(db, actor), { headers: { 'cache-control': 'no-store' } }));

export const PATCH = withSession(async ({ req, db, actor }) => Response.json(await updateProfile(db, actor, await readBody(req, updateProfileInput))));
