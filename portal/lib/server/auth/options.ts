import 'server-only';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../db/client';
import type { Role } from '../db/schema';
import { clientAddress } from '../http/client-address';
import { checkCredentials } from '../users/authenticate-user';
import { bumpSessionVersion } from '../users/bump-session-version';
import { signInThrottle } from './sign-in-throttle';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role; email: string; name: string; sv?: number };
  }
  interface User {
    role: Role;
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The user's session version at sign-in (bump-session-version.ts). */
    sv?: number;
  }
}

/** The sign-in error a disabled account gets once its password matched. */
export const ACCOUNT_DISABLED = 'AccountDisabled';

export const authOptions: AuthOptions = {
  // Credentials sign-in requires JWT sessions; the token carries only the user id and role, and every API call
  // re-reads the user (load-actor.ts), so disabling a user or changing a role applies at once.
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        // The route answers 429 before this runs (throttled-sign-in.ts); checked again for attempts that raced it.
        const address = clientAddress(new Headers(req?.headers as Record<string, string> | undefined));
        const throttle = signInThrottle();
        if (!(await throttle.check(credentials.email, address)).allowed) return null;
        const verdict = await checkCredentials(await getDb(), credentials.email, credentials.password);
        if (verdict.ok || verdict.code === 'DISABLED') await throttle.succeed(credentials.email);
        else await throttle.fail(credentials.email, address);
        // next-auth hands a thrown message to the client as `error`: the form tells a disabled user why.
        if (!verdict.ok && verdict.code === 'DISABLED') throw new Error(ACCOUNT_DISABLED);
        if (!verdict.ok) return null;
        const { actor } = verdict;
        return { id: actor.id, email: actor.email, name: actor.name, role: actor.role, sessionVersion: actor.sessionVersion };
      },
    }),
  ],
  events: {
    // Signing out ends every session of the user, not just this browser's cookie (a JWT cannot be deleted).
    async signOut({ token }) {
      if (token?.uid) await bumpSessionVersion(await getDb(), token.uid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = { id: token.uid, role: token.role, email: session.user?.email ?? '', name: session.user?.name ?? '', sv: token.sv };
      }
      return session;
    },
  },
};
