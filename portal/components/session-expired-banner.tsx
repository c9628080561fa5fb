'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { useEffect } from 'react';
import { signInHref } from '@/lib/client/callback-url';
import { useSessionExpired } from '@/lib/client/session-expiry';

/**
 * The one place that says the session ended, with the way back to this page after signing in. Shown only while the
 * browser still believes it is signed in: a visitor who never signed in has nothing that expired.
 */
export function SessionExpiredBanner() {
  const [expired, reset] = useSessionExpired();
  const { status } = useSession();
  const pathname = usePathname();
  const signingIn = pathname.startsWith('/signin');
  useEffect(() => {
    if (signingIn) reset();
  }, [signingIn, reset]);
  if (!expired || signingIn || status !== 'authenticated') return null;
  return (
    <div role="alert" data-testid="session-expired" className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
      Your session has expired.{' '}
      <Link href={signInHref(pathname)} className="font-semibold underline">
        Sign in
      </Link>{' '}
      to continue where you were.
    </div>
  );
}
