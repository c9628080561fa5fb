import { CREDENTIALS_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { readBody, withErrors } from '@/lib/server/http/handlers';
import { registerSubscriber } from '@/lib/server/users/register-subscriber';
import { signUpInput } from '@/lib/server/users/sign-up';

export const POST = withErrors(
  async ({ req, db }) => Response.json(await registerSubscriber(db, await readBody(req, signUpInput)), { status: 201 }),
  { maxBodyBytes: CREDENTIALS_MAX_BODY_BYTES },
);
