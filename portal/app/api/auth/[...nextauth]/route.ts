import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { authOptions } from '@/lib/server/auth/options';
import { CREDENTIALS_MAX_BODY_BYTES, limitBody } from '@/lib/server/http/body-limit';
import { errorToResponse } from '@/lib/server/http/problem-response';

const nextAuth = NextAuth(authOptions) as (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/** next-auth reads sign-in forms itself; the body is bounded here like every other route's (body-limit.ts). */
async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  try {
    return await nextAuth(limitBody(req, CREDENTIALS_MAX_BODY_BYTES, (init) => new NextRequest(req.url, { ...init, signal: init.signal ?? undefined })), ctx);
  } catch (err) {
    return errorToResponse(err, req);
  }
}

export { handler as GET, handler as POST };
