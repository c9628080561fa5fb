const tones: Record<string, string> = {
  GET: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  POST: 'bg-sky-50 text-sky-700 ring-sky-200',
  PUT: 'bg-amber-50 text-amber-800 ring-amber-200',
  PATCH: 'bg-violet-50 text-violet-700 ring-violet-200',
  DELETE: 'bg-red-50 text-red-700 ring-red-200',
};

export function MethodBadge({ method }: { method: string }) {
  const upper = method.toUpperCase();
  const tone = tones[upper] ?? 'bg-zinc-100 text-zinc-700 ring-zinc-200';
  return (
    <span className={`inline-flex w-16 justify-center rounded-md px-1.5 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset ${tone}`}>
      {upper}
    </span>
  );
}
