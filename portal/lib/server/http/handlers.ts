import 'server-only';
import { getServerSession } from 'next-auth';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { authOptions } from '../auth/options';
import { type Db, getDb } from '../db/client';
import { AppError } from '../errors';
import { loadActor } from '../users/load-actor';
import { errorToResponse } from './problem-response';

type RouteContext<P> = { params: Promise<P> };

export interface PublicContext<P> {
  req: Request;
  db: Db;
  params: P;
}
export interface SessionContext<P> extends PublicContext<P> {
  actor: Actor;
}

/** A route handler that needs no sign-in; errors become problem+json. */
export function withErrors<P = Record<string, never>>(handler: (ctx: PublicContext<P>) => Promise<Response>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler({ req, db: await getDb(), params: await ctx.params });
    } catch (err) {
      return errorToResponse(err, req);
    }
  };
}

/** A route handler for a signed-in user; the user is re-read so a disabled account stops at once. */
export function withSession<P = Record<string, never>>(handler: (ctx: SessionContext<P>) => Promise<Response>) {
  return withErrors<P>(async (ctx) => {
    const session = await getServerSession(authOptions);
    const actor = session?.user?.id ? await loadActor(ctx.db, session.user.id) : null;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    return handler({ ...ctx, actor });
  });
}

/** Parses a JSON body against a schema; unknown fields are rejected by the (strict) schemas. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError('INVALID_REQUEST', 'The body must be valid JSON');
  }
  return schema.parse(body);
}
