import type { Role } from './db/schema';

/** Who is calling an operation. Operations authorise against this, never the route. */
export interface Actor {
  id: string;
  role: Role;
  email: string;
  name: string;
  /**
   * Set when the caller authenticated with a personal access token rather than a session: what that token may do
   * is bounded by the token (a token never mints a longer-lived one).
   */
  credential?: { kind: 'token'; tokenId: string; expiresAt: string | null };
}
