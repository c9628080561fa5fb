/**
 * http-proxy 1.18.1 (its last release) calls `util._extend`, which Node 22+ deprecates (DEP0060) with a warning at
 * every start. Operators cannot act on it, and a warning they learn to ignore hides the next one. Exactly that code
 * is dropped, before anything is printed or emitted; every other warning, deprecations included, goes through.
 * (`node --disable-warning=DEP0060` does the same but cannot be set from inside the process or an npm bin.)
 */
const SILENCED_CODES: ReadonlySet<string> = new Set(['DEP0060']);

export function silenceKnownDeprecations(): void {
  const emitWarning = process.emitWarning;
  const filtered = (warning: string | Error, ...rest: unknown[]): void => {
    if (SILENCED_CODES.has(warningCode(warning, rest) ?? '')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  };
  process.emitWarning = filtered as typeof process.emitWarning;
}

/** `emitWarning(warning, type, code)`, `emitWarning(warning, { code })` or an Error carrying `code`. */
function warningCode(warning: string | Error, rest: unknown[]): string | undefined {
  if (warning instanceof Error && typeof (warning as NodeJS.ErrnoException).code === 'string') return (warning as NodeJS.ErrnoException).code;
  const [typeOrOptions, code] = rest;
  if (typeof typeOrOptions === 'object' && typeOrOptions !== null && 'code' in typeOrOptions) return String((typeOrOptions as { code: unknown }).code);
  return typeof code === 'string' ? code : undefined;
}
