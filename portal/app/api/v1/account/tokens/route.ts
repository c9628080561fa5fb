import { readBody, withSession } from '@/lib/server/http/handlers';
import { createPersonalToken, createPersonalTokenInput } from '@/lib/server/tokens/create-personal-token';
import { listPersonalTokens } from '@/lib/server/tokens/list-personal-tokens';

export const GET = withSession(async ({ db, actor }) => Response.json({ items: await listPersonalTokens(db, actor) }));

export const POST = withSession(async ({ req, db, actor }) => Response.json(await createPersonalToken(db, actor, await readBody(req, createPersonalTokenInput)), { status: 201, headers: { 'cache-control': 'no-store' } }));
