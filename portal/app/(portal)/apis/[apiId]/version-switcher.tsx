'use client';

import Link from 'next/link';
import { useApi } from '@/lib/client/use-api';

/**
 * The API's versions above its page header: the one shown is marked current, a deprecated one points to the newest
 * published version. Hidden when the API has one version. Rendered by page.tsx so the header stays the docs' own.
 */
export function VersionSwitcher({ apiId }: { apiId: string }) {
  const { api } = useApi(apiId);
  const versions = api?.versions ?? [];
  if (versions.length < 2) return null;
  const newest = versions.find((v) => v.status === 'PUBLISHED');
  const outdated = api?.status === 'DEPRECATED' && newest && newest.id !== apiId;
  return (
    <nav aria-label="Versions" className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="version-switcher">
      <span className="text-zinc-500">Versions</span>
      {versions.map((v) => {
        const current = v.id === apiId;
        return (
          <Link
            key={v.id}
            href={`/apis/${encodeURIComponent(v.id)}`}
            aria-current={current ? 'page' : undefined}
            className={`rounded-md border px-2.5 py-1 font-mono text-xs ${current ? 'border-indigo-300 bg-indigo-50 text-indigo-800' : 'border-zinc-200 bg-white text-zinc-700 hover:border-indigo-300'}`}
          >
            {v.version}
            {v.status === 'DEPRECATED' && <span className="ml-1 font-sans text-amber-700">deprecated</span>}
          </Link>
        );
      })}
      {outdated && (
        <Link href={`/apis/${encodeURIComponent(newest.id)}`} className="font-medium text-indigo-700 hover:underline" data-testid="newer-version">
          This version is deprecated: use {newest.version} →
        </Link>
      )}
    </nav>
  );
}
