'use client';

import { useId, useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import type { IssuedGatewayToken } from '@/lib/client/fleet-types';

type RunKind = keyof IssuedGatewayToken['run'];

const TABS: { kind: RunKind; label: string; hint: string }[] = [
  { kind: 'npx', label: 'npx', hint: 'Any host with Node.js 20.12+: runs the published package in the foreground.' },
  { kind: 'docker', label: 'Docker', hint: 'Writes an owner-only env file with the token, then runs the image beside a backend on this host.' },
  { kind: 'kubernetes', label: 'Kubernetes', hint: 'Save as gatehouse.yaml, set your backend image, then kubectl apply -f gatehouse.yaml.' },
  { kind: 'systemd', label: 'systemd', hint: 'Installs the package, stores the token root-only and starts a service unit (run as an admin).' },
];

/** The ways to run one gateway's sidecar, one tab each; each panel is complete on its own. */
export function RunCommandTabs({ run }: { run: IssuedGatewayToken['run'] }) {
  const [selected, setSelected] = useState<RunKind>('npx');
  const id = useId();
  const tab = TABS.find((t) => t.kind === selected) ?? (TABS[0] as (typeof TABS)[number]);

  function onKeyDown(event: React.KeyboardEvent) {
    // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern.
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const index = (TABS.findIndex((t) => t.kind === selected) + step + TABS.length) % TABS.length;
    setSelected((TABS[index] as (typeof TABS)[number]).kind);
  }

  return (
    <div className="mt-4">
      <div className="flex items-center justify-between gap-2">
        <div role="tablist" aria-label="How to run the sidecar" className="inline-flex rounded-md border border-emerald-200 bg-white p-0.5" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t.kind}
              type="button"
              role="tab"
              id={`${id}-${t.kind}-tab`}
              aria-selected={t.kind === selected}
              aria-controls={`${id}-${t.kind}-panel`}
              tabIndex={t.kind === selected ? 0 : -1}
              onClick={() => setSelected(t.kind)}
              className={`rounded px-3 py-1 text-sm font-medium ${t.kind === selected ? 'bg-emerald-700 text-white' : 'text-emerald-900 hover:bg-emerald-50'}`}
            >
              {t.label}
            </button>
          ))}
        </div>
        <CopyButton text={run[tab.kind]} label="Copy" />
      </div>
      <div role="tabpanel" id={`${id}-${tab.kind}-panel`} aria-labelledby={`${id}-${tab.kind}-tab`}>
        <p className="mt-2 text-xs text-emerald-900">{tab.hint}</p>
        <pre
          data-testid={tab.kind === 'npx' ? 'start-command' : `run-command-${tab.kind}`}
          className="mt-1.5 max-h-96 overflow-auto rounded-md bg-zinc-900 px-3 py-2.5 font-mono text-xs whitespace-pre-wrap break-all text-zinc-100 select-all"
        >
          {run[tab.kind]}
        </pre>
      </div>
    </div>
  );
}
