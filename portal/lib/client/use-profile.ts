import { useSession } from 'next-auth/react';
import useSWR from 'swr';
import { fetcher } from './fetcher';

export interface Profile {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'publisher' | 'subscriber';
  createdAt: string;
}

export const profileKey = '/api/v1/account/profile';

/**
 * The signed-in user as the server knows them now. The session cookie holds the role and name of sign-in time; an
 * admin may change the role since, so the header reads this (re-read on focus) and falls back to the session.
 */
export function useProfile() {
  const { data: session } = useSession();
  const { data } = useSWR<Profile>(session ? profileKey : null, fetcher);
  return {
    session,
    name: data?.name ?? session?.user.name,
    email: data?.email ?? session?.user.email,
    role: data?.role ?? session?.user.role,
  };
}
