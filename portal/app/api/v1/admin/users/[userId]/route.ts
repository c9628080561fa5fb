import { readBody, withSession } from '@/lib/server/http/handlers';
import { updateUser, updateUserInput } from '@/lib/server/users/update-user';

type Params = { userId: string };

export const PATCH = withSession<Params>(async ({ req, db, actor, params }) => Response.json(await updateUser(db, actor, params.userId, await readBody(req, updateUserInput))));
