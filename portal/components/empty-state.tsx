import type { ReactNode } from 'react';

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-12 text-center" data-testid="empty-state">
      <p className="text-base font-semibold text-zinc-900">{title}</p>
      {children && <div className="mx-auto mt-2 max-w-md text-sm text-zinc-600">{children}</div>}
      {action && <div className="mt-5 flex justify-center">{action}</div>}
    </div>
  );
}
