import type { UsageRange } from '@/lib/client/use-usage';

export type UsageView = 'chart' | 'table';

const RANGES: UsageRange[] = ['24h', '7d', '30d'];
const VIEWS: { view: UsageView; label: string }[] = [
  { view: 'chart', label: 'Chart' },
  { view: 'table', label: 'Table' },
];

const toggle = (active: boolean) => `rounded-md px-2.5 py-1 text-sm ${active ? 'bg-zinc-900 text-zinc-50' : 'text-zinc-600 hover:bg-zinc-100'}`;

/** The period (24h / 7d / 30d) and chart-or-table switches every usage view offers. */
export function UsageControls({ range, onRangeChange, view, onViewChange }: { range: UsageRange; onRangeChange: (range: UsageRange) => void; view: UsageView; onViewChange: (view: UsageView) => void }) {
  return (
    <div className="flex flex-wrap gap-2">
      <fieldset aria-label="Period" className="flex gap-1">
        {RANGES.map((r) => (
          <button key={r} type="button" className={toggle(r === range)} aria-pressed={r === range} onClick={() => onRangeChange(r)}>
            {r}
          </button>
        ))}
      </fieldset>
      <fieldset aria-label="View" className="flex gap-1">
        {VIEWS.map((v) => (
          <button key={v.view} type="button" className={toggle(v.view === view)} aria-pressed={v.view === view} onClick={() => onViewChange(v.view)}>
            {v.label}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
