import 'server-only';
import { getServerSession } from 'next-auth';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { authOptions } from '../auth/options';
import { type Db, getDb } from '../db/client';
import { AppError } from '../errors';
import { authenticatePersonalToken } from '../tokens/authenticate-personal-token';
import { PAT_PREFIX } from '../tokens/token-format';
import { loadActor } from '../users/load-actor';
import { DEFAULT_MAX_BODY_BYTES, bodyLimitError, limitBody } from './body-limit';
import { sendSmallAnswersAsIs } from './small-answers';
import { errorToResponse } from './problem-response';
import { isForeignWrite } from './same-origin';

type RouteContext<P> = { params: Promise<P> };

export interface PublicContext<P> {
  req: Request;
  db: Db;
  params: P;
}
export interface SessionContext<P> extends PublicContext<P> {
  actor: Actor;
}

export interface RouteOptions {
  /** The largest body this route reads (DEFAULT_MAX_BODY_BYTES unless set); past it, 413 (body-limit.ts). */
  maxBodyBytes?: number;
}

/** A route handler that needs no sign-in; its body is bounded while read; errors become problem+json. */
export function withErrors<P = Record<string, never>>(handler: (ctx: PublicContext<P>) => Promise<Response>, options: RouteOptions = {}) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      const bounded = limitBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, (init) => new Request(req.url, init));
      return await sendSmallAnswersAsIs(await handler({ req: bounded, db: await getDb(), params: await ctx.params }));
    } catch (err) {
      return sendSmallAnswersAsIs(errorToResponse(err, req));
    }
  };
}

/**
 * A route handler for a signed-in user: a browser session, or a personal access token sent as
 * `Authorization: Bearer gpat_...` (automation). Either way the user is re-read per request, so a disabled account
 * stops at once. A bearer token that fails is a 401 even if a session cookie came along: the caller meant the token.
 */
export function withSession<P = Record<string, never>>(handler: (ctx: SessionContext<P>) => Promise<Response>, options: RouteOptions = {}) {
  return withErrors<P>(async (ctx) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.req.headers.get('authorization') ?? '')?.[1];
    if (bearer?.startsWith(PAT_PREFIX)) {
      const verdict = await authenticatePersonalToken(ctx.db, bearer);
      if (!verdict.ok) throw new AppError('UNAUTHENTICATED', 'The access token is not valid', { reason: verdict.code });
      return handler({ ...ctx, actor: verdict.actor });
    }
    // The cookie is sent whoever made the browser send the request: writes must come from the portal's own pages.
    if (isForeignWrite(ctx.req)) throw new AppError('CROSS_ORIGIN_REQUEST', "Writes with a session cookie are accepted only from the portal's own pages");
    const session = await getServerSession(authOptions);
    // A session issued before session versions existed carries none, and is refused like a revoked one.
    const actor = session?.user?.id ? await loadActor(ctx.db, session.user.id, session.user.sv ?? -1) : null;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    return handler({ ...ctx, actor });
  }, options);
}

/**
 * Parses a JSON body against a schema; unknown fields are rejected by the (strict) schemas. Only `application/json`
 * is read: a form on another site can send `text/plain` without a CORS preflight, JSON it cannot (issue #13).
 */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  let body: unknown;
  try {
    body = await req.json();
  } catch (err) {
    throw bodyLimitError(err) ?? new AppError('INVALID_REQUEST', 'The body must be valid JSON');
  }
  return schema.parse(body);
}
