import { readBody, withSession } from '@/lib/server/http/handlers';
import { markNotificationsRead, markNotificationsReadInput } from '@/lib/server/notifications/mark-notifications-read';

export const POST = withSession(async ({ req, db, actor }) => Response.json(await markNotificationsRead(db, actor, await readBody(req, markNotificationsReadInput))));
