import Link from 'next/link';
import { cardClass } from '@/components/card';
import { formatDate, plural } from '@/lib/client/format';
import type { AppListItem } from '@/lib/client/types';

export function AppList({ apps }: { apps: AppListItem[] }) {
  return (
    <ul className={`${cardClass} divide-y divide-zinc-100`} aria-label="Your applications">
      {apps.map((app) => (
        <li key={app.id} className="relative flex flex-col gap-2 px-5 py-4 hover:bg-zinc-50 sm:flex-row sm:items-center sm:justify-between" data-testid="app-row">
          <div className="min-w-0">
            {/* The link's text is the name alone (its accessible name); the ::after overlay makes the whole row clickable. */}
            <Link
              href={`/apps/${encodeURIComponent(app.id)}`}
              className="font-medium break-words text-zinc-900 after:absolute after:inset-0 hover:text-indigo-700 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-indigo-600"
            >
              {app.name}
            </Link>
            {app.description && <p className="mt-0.5 truncate text-sm text-zinc-600">{app.description}</p>}
          </div>
          <div className="flex shrink-0 flex-wrap gap-x-5 gap-y-1 text-sm text-zinc-600">
            <span>{plural(app.subscriptions, 'subscription')}</span>
            <span>{plural(app.activeKeys, 'active key')}</span>
            <span className="text-zinc-500">Created {formatDate(app.createdAt)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
