'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { signIn, useSession } from 'next-auth/react';
import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '@/components/button';
import { Field } from '@/components/field';
import { FormError } from '@/components/form-error';
import { Notice } from '@/components/notice';
import { safeCallbackUrl } from '@/lib/client/callback-url';
import { AuthCard } from '../auth-card';

export function SignInForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const callbackUrl = safeCallbackUrl(searchParams.get('callbackUrl'));
  const { status } = useSession();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Someone already signed in (another tab, or the back button) has nothing to do here.
  useEffect(() => {
    if (status === 'authenticated' && !pending) router.replace(callbackUrl);
  }, [status, pending, callbackUrl, router]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', { email: String(form.get('email')), password: String(form.get('password')), redirect: false });
      if (!result?.ok || result.error) {
        // next-auth reports every credentials failure the same way; so do we, so the form does not reveal which emails exist.
        setError(
          result?.status === 429
            ? 'Too many sign-in attempts. Wait a little and try again.'
            : result?.error === 'AccountDisabled'
              ? 'This account is disabled. Ask an administrator of this portal to enable it again.'
              : result?.status === 401 || result?.error === 'CredentialsSignin'
                ? 'Wrong email or password'
                : 'Could not sign in. Try again.',
        );
        setPending(false);
        return;
      }
      router.push(callbackUrl);
    } catch {
      setError('Could not sign in. Check your connection and try again.');
      setPending(false);
    }
  }

  const signUpHref = callbackUrl === '/apps' ? '/signup' : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back. Sign in to manage your applications and keys."
      footer={
        <>
          New to Gatehouse?{' '}
          <Link href={signUpHref} className="font-medium text-indigo-600 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <form onSubmit={handleSubmit} className="space-y-4">
        {searchParams.get('changed') === 'password' && (
          <Notice tone="success" testId="password-changed">
            Password changed. Sign in with the new one.
          </Notice>
        )}
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <FormError message={error} />
        <Button type="submit" className="w-full" pending={pending}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
