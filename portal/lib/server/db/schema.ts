import type { Generated, Insertable, Selectable } from 'kysely';
import type { GatewayUsageStatsTable, QuotaUsageTable, UsageEventsTable, UsageHourlyTable } from './schema-usage';

/**
 * Table types for kysely. Timestamps are ISO-8601 UTC strings so that SQLite and PostgreSQL compare them alike;
 * booleans are 0/1 integers for the same reason.
 */
export type Role = 'admin' | 'publisher' | 'subscriber';
export type ApiStatus = 'CREATED' | 'PUBLISHED' | 'DEPRECATED' | 'RETIRED' | 'BLOCKED';
export type SubscriptionStatus = 'ACTIVE' | 'PENDING' | 'REJECTED' | 'BLOCKED';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  disabled: Generated<number>;
  /** Bumped on sign-out, password change and disable: sessions carrying an older value are refused. */
  session_version: Generated<number>;
  created_at: string;
}

export interface TiersTable {
  id: string;
  name: string;
  description: string;
  requests_per_minute: number | null;
  burst: number | null;
  monthly_quota: number | null;
  created_at: string;
}

export interface ApisTable {
  id: string;
  name: string;
  version: string;
  context: string;
  description: string;
  tags: string;
  openapi: string;
  backend_url: string;
  status: ApiStatus;
  requires_approval: Generated<number>;
  owner_id: string | null;
  /** Markdown, rendered without raw HTML. */
  overview: Generated<string>;
  /** The id of the first version of this API; versions of one API share it. */
  lineage_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApiTiersTable {
  api_id: string;
  tier_id: string;
}

export interface EnvironmentsTable {
  id: string;
  name: string;
  gateway_url: string;
  revision: Generated<number>;
  created_at: string;
}

export interface DeploymentsTable {
  api_id: string;
  environment_id: string;
  created_at: string;
  /** This environment's backend when it differs from the API's default `apis.backend_url`. */
  backend_url: string | null;
}

export interface GatewaysTable {
  id: string;
  environment_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  applied_revision: number | null;
  node_id: string | null;
  version: string | null;
  cache_keys: number | null;
  /** Set while the gateway reports a revision older than its environment's (migration 0002). */
  behind_since: string | null;
}

export interface ApplicationsTable {
  id: string;
  owner_id: string;
  name: string;
  description: string;
  created_at: string;
}

export interface SubscriptionsTable {
  id: string;
  app_id: string;
  api_id: string;
  tier_id: string;
  status: SubscriptionStatus;
  created_at: string;
  /** A tier change waiting for the publisher's approval; the subscription keeps `tier_id` until then (migration 0011). */
  requested_tier_id: Generated<string | null>;
}

export interface ApiKeysTable {
  id: string;
  app_id: string;
  name: string;
  key_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  /** The key a rotation issued in this one's place (migration 0011). */
  replaced_by: Generated<string | null>;
}

/** The materialised, per-environment view that sidecars sync; see lib/server/sync/materialize.ts. */
export interface SyncEntitiesTable {
  environment_id: string;
  kind: string;
  entity_id: string;
  scope: string;
  body: string | null;
  revision: number;
}

export interface AuditEventsTable {
  id: string;
  actor_id: string | null;
  actor_email: string;
  action: string;
  target_type: string;
  target_id: string;
  /** JSON object with what changed. */
  detail: string;
  created_at: string;
}

export interface PersonalAccessTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface PortalSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** An OAuth client of an application (client credentials); its one secret is stored as SHA-256. */
export interface OAuthClientsTable {
  id: string;
  app_id: string;
  name: string;
  secret_hash: string;
  secret_prefix: string;
  created_at: string;
  revoked_at: string | null;
  last_token_at: string | null;
}

/** Access-token signing keys (Ed25519 JWKs as JSON). Times are epoch ms: see migrations/0005-oauth-clients.ts. */
export interface OAuthSigningKeysTable {
  kid: string;
  alg: string;
  public_jwk: string;
  private_jwk: string;
  created_at: number;
  retire_at: number;
  not_after: number;
}

/** Secrets generated once for the whole portal and shared by every replica (migration 0010). */
export interface PortalSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** The sign-in throttle's failure counts, keyed `a:<email>` (account) or `i:<address>`; times in epoch ms. */
export interface SignInFailuresTable {
  key: string;
  failures: number;
  last_failure_at: number;
}

export type NotificationKind = 'api.new-version' | 'api.deprecated' | 'api.retired' | 'api.blocked' | 'subscription.decided' | 'key.expiring';

/** Something that happened to what a user depends on; shown in the portal until read (migration 0011). */
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A portal path to act on it (the application, the successor version). */
  link: string | null;
  /** Set for derived notices (a key expiring) so that deriving them again inserts nothing. */
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

/** A notice's email waiting for the SMTP server (migration 0012); deleted once sent. */
export interface NotificationEmailsTable {
  id: string;
  notification_id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** The lease of the replica sending it (ISO time); null when nobody is. */
  locked_until: string | null;
  last_error: string | null;
  /** Set when it will not be tried again (refused for good, or out of attempts). */
  failed_at: string | null;
  created_at: string;
}

export interface DB {
  users: UsersTable;
  tiers: TiersTable;
  apis: ApisTable;
  api_tiers: ApiTiersTable;
  environments: EnvironmentsTable;
  deployments: DeploymentsTable;
  gateways: GatewaysTable;
  applications: ApplicationsTable;
  subscriptions: SubscriptionsTable;
  api_keys: ApiKeysTable;
  sync_entities: SyncEntitiesTable;
  usage_events: UsageEventsTable;
  quota_usage: QuotaUsageTable;
  usage_hourly: UsageHourlyTable;
  gateway_usage_stats: GatewayUsageStatsTable;
  audit_events: AuditEventsTable;
  personal_access_tokens: PersonalAccessTokensTable;
  portal_settings: PortalSettingsTable;
  oauth_clients: OAuthClientsTable;
  oauth_signing_keys: OAuthSigningKeysTable;
  portal_secrets: PortalSecretsTable;
  sign_in_failures: SignInFailuresTable;
  notifications: NotificationsTable;
  notification_emails: NotificationEmailsTable;
}

export type User = Selectable<UsersTable>;
export type Api = Selectable<ApisTable>;
export type Tier = Selectable<TiersTable>;
export type Application = Selectable<ApplicationsTable>;
export type Subscription = Selectable<SubscriptionsTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type NewApi = Insertable<ApisTable>;
