'use client';

import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { useSWRConfig } from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/client/api-error';
import { sendJson } from '@/lib/client/fetcher';
import { forgetTryItKeys } from '@/lib/client/try-it-key-store';
import { useAction } from '@/lib/client/use-action';

export function PasswordForm() {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const change = useAction(async (currentPassword: string, newPassword: string) => {
    setFieldErrors({});
    try {
      await sendJson('POST', '/api/v1/account/password', { currentPassword, newPassword });
    } catch (err) {
      if (err instanceof ApiError) setFieldErrors(Object.fromEntries(err.errors.map((e) => [e.path, e.message])));
      throw err;
    }
    // Every session ended with the old password, this one too: sign in again with the new one.
    await signOut({ redirect: false });
    forgetTryItKeys();
    await mutate(() => true, undefined, { revalidate: false });
    router.push('/signin?changed=password');
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void change.run(String(form.get('currentPassword')), String(form.get('newPassword')));
  }

  return (
    <Card title="Password" description="Changing it signs you out everywhere, this browser included.">
      <form onSubmit={submit} className="space-y-4">
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldErrors.currentPassword} />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters; common passwords are refused."
          error={fieldErrors.newPassword}
        />
        <FormError message={change.error} />
        <Button type="submit" pending={change.pending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
