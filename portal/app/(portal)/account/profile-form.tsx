'use client';

import type { FormEvent } from 'react';
import useSWR from 'swr';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { useToast } from '@/components/toast';
import { fetcher, sendJson } from '@/lib/client/fetcher';
import { useAction } from '@/lib/client/use-action';
import { type Profile, profileKey } from '@/lib/client/use-profile';

export function ProfileForm() {
  const { data: profile, mutate } = useSWR<Profile>(profileKey, fetcher);
  const toast = useToast();
  const save = useAction(async (name: string) => {
    await mutate(await sendJson<Profile>('PATCH', profileKey, { name }), { revalidate: false });
    toast('Name saved.');
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void save.run(String(new FormData(e.currentTarget).get('name')));
  }

  return (
    <Card title="Profile" description="Your name as publishers and admins see it.">
      {profile && (
        <form onSubmit={submit} className="space-y-4">
          <Field label="Name" name="name" defaultValue={profile.name} required maxLength={100} autoComplete="name" />
          <Field label="Email" name="email" defaultValue={profile.email} disabled hint="Your sign-in; an admin can tell you how to change it." />
          <p className="text-sm text-zinc-600">
            Role: <span className="font-medium text-zinc-800" data-testid="profile-role">{profile.role}</span>
          </p>
          <FormError message={save.error} />
          <Button type="submit" pending={save.pending}>
            Save name
          </Button>
        </form>
      )}
    </Card>
  );
}
