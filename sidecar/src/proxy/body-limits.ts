/**
 * The request body cap per route: one default, and overrides by API context (`--route-max-body-bytes
 * /upload/v1=104857600`). A body past its cap is 413; a declared length past it is refused before any byte is read.
 */
export class BodyLimits {
  constructor(
    readonly defaultBytes: number,
    private readonly byContext: ReadonlyMap<string, number> = new Map(),
  ) {}

  forContext(context: string): number {
    return this.byContext.get(context) ?? this.defaultBytes;
  }
}

/** Parses `context=bytes,context=bytes`; null names the first entry that is not one. */
export function parseRouteBodyLimits(list: string): { limits: Map<string, number>; invalid: string | null } {
  const limits = new Map<string, number>();
  for (const entry of list.split(',').map((e) => e.trim()).filter(Boolean)) {
    const match = /^(\/[^=\s]*)=(\d{1,15})$/.exec(entry);
    if (!match) return { limits, invalid: entry };
    limits.set(match[1] as string, Number(match[2]));
  }
  return { limits, invalid: null };
}
