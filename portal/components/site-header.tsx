'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Fragment } from 'react';
import { useProfile } from '@/lib/client/use-profile';
import { AccountMenu } from './account-menu';
import { PendingApprovalsBadge } from './pending-approvals-badge';
import { SearchPalette } from './search-palette';
import { SessionExpiredBanner } from './session-expired-banner';
import { ThemeToggle } from './theme-toggle';

const NAV = [
  { href: '/', label: 'APIs', active: (p: string) => p === '/' || p.startsWith('/apis') },
  { href: '/apps', label: 'Applications', active: (p: string) => p.startsWith('/apps') },
  // Shown by role for convenience only: every admin API re-authorises the caller.
  { href: '/publisher', label: 'Publish', roles: ['publisher', 'admin'], active: (p: string) => p.startsWith('/publisher') },
  { href: '/admin/gateways', label: 'Admin', roles: ['admin'], active: (p: string) => p.startsWith('/admin') },
] as { href: string; label: string; roles?: string[]; active: (p: string) => boolean }[];

export function SiteHeader() {
  const pathname = usePathname();
  // The current role from the server, not the one frozen in the cookie at sign-in: a promotion shows without signing in again.
  const { role } = useProfile();
  return (
    <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-1 px-4 sm:h-16 sm:flex-nowrap sm:px-6">
        <Link href="/" className="flex h-14 items-center gap-2 font-semibold tracking-tight text-zinc-900 sm:h-auto">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-indigo-600 text-sm font-bold text-white">
            G
          </span>
          Gatehouse
        </Link>
        {/* On phones the nav drops to its own row so the account links keep their place at the top right. */}
        <nav aria-label="Main" className="order-last -mx-1 flex w-full gap-1 pb-2 sm:order-none sm:w-auto sm:pb-0">
          {NAV.filter((item) => !item.roles || (role && item.roles.includes(role))).map((item) => {
            const active = item.active(pathname);
            return (
              <Fragment key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? 'page' : undefined}
                  className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? 'bg-zinc-100 text-zinc-900' : 'text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900'}`}
                >
                  {item.label}
                </Link>
                {item.href === '/publisher' && <PendingApprovalsBadge />}
              </Fragment>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <SearchPalette />
          <ThemeToggle />
          <AccountMenu />
        </div>
      </div>
      <SessionExpiredBanner />
    </header>
  );
}
