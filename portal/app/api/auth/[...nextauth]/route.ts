import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { authOptions } from '@/lib/server/auth/options';
import { refuseThrottledSignIn } from '@/lib/server/auth/throttled-sign-in';
import { CREDENTIALS_MAX_BODY_BYTES, limitBody } from '@/lib/server/http/body-limit';
import { errorToResponse } from '@/lib/server/http/problem-response';

type Ctx = { params: Promise<{ nextauth: string[] }> };
const nextAuth = NextAuth(authOptions) as (req: NextRequest, ctx: Ctx) => Promise<Response>;

/**
 * next-auth reads sign-in forms itself; the body is bounded here like every other route's (body-limit.ts), and a
 * credentials sign-in that must back off is answered 429 before a password is hashed.
 */
async function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  try {
    const bounded = limitBody(req, CREDENTIALS_MAX_BODY_BYTES, (init) => new NextRequest(req.url, { ...init, signal: init.signal ?? undefined }));
    const [action, provider] = (await ctx.params).nextauth;
    if (req.method !== 'POST' || action !== 'callback' || provider !== 'credentials') return await nextAuth(bounded, ctx);
    const text = await bounded.text();
    const refusal = await refuseThrottledSignIn(req.headers, new URLSearchParams(text).get('email') ?? '');
    if (refusal) return refusal;
    return await nextAuth(new NextRequest(req.url, { method: 'POST', headers: req.headers, body: text }), ctx);
  } catch (err) {
    return errorToResponse(err, req);
  }
}

export { handler as GET, handler as POST };
