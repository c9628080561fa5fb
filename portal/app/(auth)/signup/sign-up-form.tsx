'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { safeCallbackUrl } from '@/lib/client/callback-url';
import { postJson } from '@/lib/client/fetcher';
import { AuthCard } from '../auth-card';

const MIN_PASSWORD = 10;

export function SignUpForm() {
  const router = useRouter();
  const callbackUrl = safeCallbackUrl(useSearchParams().get('callbackUrl'));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      await postJson('/api/v1/auth/signup', { email, name: String(form.get('name')), password });
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) {
        setFieldErrors(Object.fromEntries(err.errors.map((e) => [e.path, e.message])));
      }
      setError(errorMessage(err));
      setPending(false);
      return;
    }
    const result = await signIn('credentials', { email, password, redirect: false }).catch(() => undefined);
    if (!result?.ok || result.error) {
      // The account exists now; only the automatic sign-in failed, so send the user to sign in by hand.
      router.push(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      return;
    }
    router.push(callbackUrl);
  }

  return (
    <AuthCard
      title="Create your account"
      subtitle="Sign up to subscribe applications to APIs and get API keys."
      footer={
        <>
          Already have an account?{' '}
          <Link href="/signin" className="font-medium text-indigo-600 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={handleSubmit} className="space-y-4">
        <Field label="Name" name="name" autoComplete="name" required maxLength={100} error={fieldErrors.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          hint={`At least ${MIN_PASSWORD} characters.`}
          error={fieldErrors.password}
        />
        <FormError message={error} />
        <Button type="submit" className="w-full" pending={pending}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
