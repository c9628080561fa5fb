import type { ReactNode } from 'react';
import { cardClass } from '@/components/card';

export function AuthCard({ title, subtitle, footer, children }: { title: string; subtitle: string; footer: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-sm py-4 sm:py-10">
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
      <p className="mt-2 text-sm text-zinc-600">{subtitle}</p>
      <div className={`${cardClass} mt-6 p-6`}>{children}</div>
      <p className="mt-6 text-center text-sm text-zinc-600">{footer}</p>
    </div>
  );
}
