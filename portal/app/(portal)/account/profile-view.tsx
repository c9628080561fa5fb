'use client';

import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { LoadingBlock } from '@/components/loading';
import { useRequireSession } from '@/lib/client/use-require-session';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';

export function ProfileView() {
  const { session } = useRequireSession();
  if (!session) return <LoadingBlock rows={2} label="Loading your profile" />;
  return (
    <>
      <PageHeader
        title="Your account"
        description={
          <>
            Signed in as {session.user.email}. Automation uses{' '}
            <Link href="/account/tokens" className="font-medium text-indigo-700 hover:underline">
              personal access tokens
            </Link>
            .
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileForm />
        <PasswordForm />
      </div>
    </>
  );
}
