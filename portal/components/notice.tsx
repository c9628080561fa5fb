import type { ReactNode } from 'react';

const tones = {
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  info: 'border-indigo-200 bg-indigo-50 text-indigo-900',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
};

/** An inline, polite message (role="status"): success after an action, or a note the user should read. */
export function Notice({ tone = 'info', testId, onDismiss, children }: {
  tone?: keyof typeof tones;
  testId?: string;
  onDismiss?: () => void;
  children: ReactNode;
}) {
  return (
    <div role="status" data-testid={testId} className={`flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      <div className="min-w-0">{children}</div>
      {onDismiss && (
        <button type="button" onClick={onDismiss} className="shrink-0 rounded px-1 opacity-70 hover:opacity-100" aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}
