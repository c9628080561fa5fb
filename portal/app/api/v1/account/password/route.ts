import { readBody, withSession } from '@/lib/server/http/handlers';
import { changePassword, changePasswordInput } from '@/lib/server/users/change-password';

export const POST = withSession(async ({ req, db, actor }) => {
  await changePassword(db, actor, await readBody(req, changePasswordInput));
  return new Response(null, { status: 204 });
});
