import useSWR from 'swr';
import { fetcher } from '@/lib/client/fetcher';
import type { ListResponse } from '@/lib/client/types';

/** An OAuth client as the list shows it: never the secret. */
export interface OAuthClient {
  clientId: string;
  name: string;
  secretPrefix: string;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
  lastTokenAt: string | null;
}

/** The create answer: the one place the secret ever appears. */
export interface CreatedOAuthClient extends OAuthClient {
  clientSecret: string;
}

export const oauthClientsKey = (appId: string) => `/api/v1/apps/${encodeURIComponent(appId)}/oauth-clients`;

export function useOAuthClients(appId: string) {
  const { data, error } = useSWR<ListResponse<OAuthClient>>(oauthClientsKey(appId), fetcher);
  return { clients: data?.items, error };
}
