'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useEffect, useRef, useState } from 'react';
import { useSWRConfig } from 'swr';
import { forgetTryItKeys } from '@/lib/client/try-it-key-store';
import { useProfile } from '@/lib/client/use-profile';
import { buttonClass } from './button';
import { NotificationBell } from './notification-bell';

const LINKS = [
  { href: '/account', label: 'Profile' },
  { href: '/account/notifications', label: 'Notifications' },
  { href: '/account/tokens', label: 'Access tokens' },
];

/**
 * The signed-in user's corner: notifications, and a disclosure menu (profile, access tokens, sign-out). A
 * disclosure rather than an ARIA menu: it holds links, and Tab / Escape / a click outside are all it needs.
 */
export function AccountMenu() {
  const { session, name, email } = useProfile();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  if (session === undefined) return <div className="h-8 w-36" aria-hidden="true" />;
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

  return (
    <div className="flex items-center gap-2">
      <NotificationBell />
      <div className="relative" ref={ref}>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="account-menu"
          aria-label="Account menu"
          onClick={() => setOpen((o) => !o)}
          className="flex h-8 items-center gap-2 rounded-md px-1.5 text-sm text-zinc-700 hover:bg-zinc-100 sm:px-2"
        >
          <span aria-hidden="true" className="grid size-6 place-items-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700">
            {(name ?? '?').charAt(0).toUpperCase()}
          </span>
          <span className="hidden max-w-40 truncate sm:inline" data-testid="user-name" title={email}>
            {name}
          </span>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 text-zinc-500" fill="currentColor">
            <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
          </svg>
        </button>
        {open && <AccountPanel name={name ?? ''} email={email ?? ''} onNavigate={() => setOpen(false)} />}
      </div>
    </div>
  );
}

function AccountPanel({ name, email, onNavigate }: { name: string; email: string; onNavigate: () => void }) {
  const { mutate } = useSWRConfig();
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  async function handleSignOut() {
    setSigningOut(true);
    await signOut({ redirect: false });
    // Drop every cached answer and this tab's try-it secrets so the next person on this browser sees none of them.
    forgetTryItKeys();
    await mutate(() => true, undefined, { revalidate: false });
    router.push('/');
    setSigningOut(false);
  }

  return (
    <div id="account-menu" className="absolute right-0 z-20 mt-2 w-60 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg">
      <div className="border-b border-zinc-100 px-3 py-2">
        <p className="truncate text-sm font-medium text-zinc-900">{name}</p>
        <p className="truncate text-xs text-zinc-500">{email}</p>
      </div>
      <nav aria-label="Account" className="py-1">
        {LINKS.map((l) => (
          <Link key={l.href} href={l.href} onClick={onNavigate} className="block rounded-md px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900">
            {l.label}
          </Link>
        ))}
      </nav>
      <div className="border-t border-zinc-100 pt-1">
        <button type="button" onClick={handleSignOut} disabled={signingOut} className="block w-full rounded-md px-3 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-100 disabled:opacity-60">
          Sign out
        </button>
      </div>
    </div>
  );
}
