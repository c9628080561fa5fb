import type { ApiEnvironment } from '@/lib/client/types';

export function EnvironmentList({ environments }: { environments: ApiEnvironment[] }) {
  if (environments.length === 0) {
    return <p className="text-sm text-zinc-600">This API is not deployed to any gateway yet.</p>;
  }
  return (
    <dl className="divide-y divide-zinc-100" data-testid="base-urls">
      {environments.map((env) => (
        <div key={env.id} className="flex flex-col gap-1 py-2 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-4">
          <dt className="w-32 shrink-0 text-sm font-medium text-zinc-700">{env.name}</dt>
          <dd className="min-w-0 font-mono text-sm break-all text-zinc-900 select-all">{env.baseUrl}</dd>
        </div>
      ))}
    </dl>
  );
}
