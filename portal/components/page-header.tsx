import type { ReactNode } from 'react';

export function PageHeader({ title, badge, description, actions, eyebrow }: {
  title: ReactNode;
  badge?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}) {
  return (
    <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        {eyebrow && <div className="mb-2 text-sm text-zinc-500">{eyebrow}</div>}
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere text-zinc-900 sm:text-3xl">{title}</h1>
          {badge}
        </div>
        {description && <p className="mt-2 max-w-3xl wrap-anywhere text-zinc-600">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 gap-2">{actions}</div>}
    </div>
  );
}
