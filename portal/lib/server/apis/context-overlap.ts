/**
 * The gateway routes a request to the API whose context is the longest prefix of its path, segment by segment. Two
 * contexts where one is a segment prefix of the other (`/weather/v1` and `/weather/v1/forecast`) therefore let the
 * inner API take part of the outer one's traffic, so no two APIs may have them. The comparison ignores case and
 * trailing slashes, so that a gateway or backend that folds either cannot be used to slip one past the other.
 */
export function canonicalContext(context: string): string {
  return context.trim().toLowerCase().replace(/\/+$/, '');
}

/** True when the two contexts are equal or one contains the other at a segment boundary. */
export function contextsOverlap(a: string, b: string): boolean {
  const x = canonicalContext(a);
  const y = canonicalContext(b);
  return x === y || x.startsWith(`${y}/`) || y.startsWith(`${x}/`);
}
