export type ApiStatus = 'CREATED' | 'PUBLISHED' | 'DEPRECATED' | 'RETIRED' | 'BLOCKED';

export interface ManagedApi {
  id: string;
  name: string;
  version: string;
  context: string;
  description: string;
  tags: string[];
  overview: string;
  backendUrl: string;
  status: ApiStatus;
  requiresApproval: boolean;
  lineageId: string;
  environmentIds?: string[];
  pendingSubscriptions?: number;
}

export interface ManagedApiDetail extends ManagedApi {
  operations: { method: string; path: string; summary: string }[];
  allowedTransitions: ApiStatus[];
  tierIds: string[];
  deployments: { environmentId: string; name: string; baseUrl: string; backendUrl: string | null; deployedAt: string }[];
  versions: { id: string; version: string; status: ApiStatus; context: string }[];
  /** Applications subscribed (active or blocked), waiting for approval, and the developers who own them. */
  reach: { subscriptions: number; pending: number; developers: number };
}

/** What the portal made of a document (lib/server/apis/validate-openapi.ts). */
export type OpenApiVerdict =
  | {
      valid: true;
      version: string;
      /** e.g. 'Swagger 2.0' when the document was converted to OpenAPI 3.1 on import. */
      convertedFrom: string | null;
      info: { title: string; version: string };
      /**
       * Prefills: the title, a version label made by `versionRule` (null: the publisher must give one), plain text,
       * and from `servers` a backend URL and context path (null when the document names none usable).
       */
      suggested: { name: string; version: string | null; description: string; context: string | null; backendUrl: string | null };
      versionRule: string;
      operations: unknown[];
    }
  | { valid: false; problems: string[] };

export interface QueueItem {
  id: string;
  status: string;
  createdAt: string;
  api: { id: string; name: string; version: string };
  app: { id: string; name: string; ownerEmail: string };
  tier: { name: string };
  requestedTier: { name: string } | null;
}

/** What replacing a document changes for callers (lib/server/apis/openapi-diff). */
export interface DocumentDiff {
  added: { method: string; path: string }[];
  removed: { method: string; path: string }[];
  breaking: { rule: string; operation: string | null; message: string }[];
  incomplete?: true;
}
