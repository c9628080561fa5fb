/** What the admin REST API answers (portal/lib/server/{tiers,users,audit}); the pages read only these fields. */
export interface Tier {
  id: string;
  name: string;
  description: string;
  requestsPerMinute: number | null;
  burst: number | null;
  monthlyQuota: number | null;
}

export type TierInput = Omit<Tier, 'id'>;

export type Role = 'admin' | 'publisher' | 'subscriber';

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** What disabling suspends at the gateways (and enabling restores). */
  holdings: { applications: number; keys: number; oauthClients: number };
}

export interface AuditEvent {
  id: string;
  actor: { id: string; email: string };
  action: string;
  target: { type: string; id: string };
  detail: Record<string, unknown>;
  createdAt: string;
}
