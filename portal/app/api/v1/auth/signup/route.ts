import { CREDENTIALS_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { readBody, withErrors } from '@/lib/server/http/handlers';
import { signUp, signUpInput } from '@/lib/server/users/sign-up';

export const POST = withErrors(async ({ req, db }) => {
  const user = await signUp(db, await readBody(req, signUpInput));
  return Response.json(user, { status: 201 });
}, { maxBodyBytes: CREDENTIALS_MAX_BODY_BYTES });
