import 'server-only';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { type SignUpInput, signUp } from './sign-up';
import { hashPassword } from '../auth/password';

/**
 * Self-service sign-up answers the same whether or not the email already has an account (same status, same body,
 * a password hashed either way so the time is alike), so the form cannot be used to learn who has one (issue #13).
 * The owner of an existing account simply fails the automatic sign-in that follows.
 */
export async function registerSubscriber(db: Db, input: SignUpInput): Promise<{ email: string; name: string }> {
  try {
    await signUp(db, input);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
    await hashPassword(input.password);
  }
  return { email: input.email, name: input.name };
}
