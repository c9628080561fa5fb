import type { IndexedOperation } from './operations';
import type { BreakingChange, OperationRef } from './types';

const ref = (op: IndexedOperation): OperationRef => ({ method: op.method, path: op.path });

/** Operations added and removed; a removed operation breaks every caller that used it. */
export function operationChanges(before: Map<string, IndexedOperation>, after: Map<string, IndexedOperation>) {
  const added = [...after].filter(([key]) => !before.has(key)).map(([, op]) => ref(op));
  const gone = [...before].filter(([key]) => !after.has(key)).map(([, op]) => op);
  const breaking: BreakingChange[] = gone.map((op) => ({ rule: 'operation-removed', operation: op.label, message: `${op.label}: operation removed` }));
  return { added, removed: gone.map(ref), breaking };
}
