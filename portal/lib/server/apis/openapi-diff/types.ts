/** One operation named the way a publisher reads it: `GET /pets/{id}`. */
export interface OperationRef {
  method: string;
  path: string;
}

/** The rule families of a breaking change; each has its own file in this folder. */
export type BreakingRule = 'operation-removed' | 'parameter-required' | 'response-property-removed' | 'enum-narrowed' | 'type-narrowed' | 'security-changed';

/** A change that can break a caller written against the old document, with a sentence that says what it is. */
export interface BreakingChange {
  rule: BreakingRule;
  /** `GET /pets/{id}`, or null for a change to the whole document (a security scheme). */
  operation: string | null;
  message: string;
}

/** What changes for callers when one document replaces another. */
export interface DocumentDiff {
  added: OperationRef[];
  removed: OperationRef[];
  breaking: BreakingChange[];
  /** Set when the schemas were too intertwined to compare in full (schema-walk.ts): more may break than is listed. */
  incomplete?: true;
}

export type Json = Record<string, unknown>;
