'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/admin/gateways', label: 'Gateways' },
  { href: '/admin/usage', label: 'Usage' },
  { href: '/admin/tiers', label: 'Tiers' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/settings', label: 'Settings' },
];

/** The admin area's own tabs, shown above every admin page. Links only: each page re-checks the role via its API. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="-mx-1 mb-6 flex gap-1 overflow-x-auto border-b border-zinc-200 pb-px">
      {LINKS.map((l) => {
        const active = pathname.startsWith(l.href);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? 'page' : undefined}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900'}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
