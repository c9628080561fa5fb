'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signOut, useSession } from 'next-auth/react';
import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { buttonClass } from './button';

export function AccountMenu() {
  const { data: session, status } = useSession();
  const { mutate } = useSWRConfig();
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  if (status === 'loading') return <div className="h-8 w-36" aria-hidden="true" />;

  if (!session) {
    return (
      <div className="flex items-center gap-2">
        <Link href="/signin" className={buttonClass('ghost', 'sm')}>
          Sign in
        </Link>
        <Link href="/signup" className={buttonClass('primary', 'sm')}>
          Sign up
        </Link>
      </div>
    );
  }

  async function handleSignOut() {
    setSigningOut(true);
    await signOut({ redirect: false });
    // Drop every cached answer so the next person on this browser never sees this user's apps.
    await mutate(() => true, undefined, { revalidate: false });
    router.push('/');
    setSigningOut(false);
  }

  return (
    <div className="flex items-center gap-3">
      <span className="hidden max-w-48 truncate text-sm text-zinc-700 sm:inline" data-testid="user-name" title={session.user.email}>
        {session.user.name}
      </span>
      <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-700 sm:hidden">
        {session.user.name.charAt(0).toUpperCase()}
      </span>
      <button type="button" onClick={handleSignOut} disabled={signingOut} className={buttonClass('secondary', 'sm')}>
        Sign out
      </button>
    </div>
  );
}
