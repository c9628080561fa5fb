'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { signInHref } from './callback-url';

/**
 * The session for a page that needs one. Signed-out visitors are sent to sign-in with a way back here. This is a
 * convenience, not a guard: the API re-authorises every call.
 */
export function useRequireSession() {
  const router = useRouter();
  const pathname = usePathname();
  const { data: session, status } = useSession({
    required: true,
    onUnauthenticated: () => router.replace(signInHref(pathname)),
  });
  return { session: status === 'authenticated' ? session : null, status };
}
