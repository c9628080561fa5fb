import { importSettingsInput, readImportSettings, updateImportSettings } from '@/lib/server/apis/import-settings';
import { readBody, withSession } from '@/lib/server/http/handlers';

export const GET = withSession(async ({ db, actor }) => Response.json(await readImportSettings(db, actor)));

export const PUT = withSession(async ({ req, db, actor }) => Response.json(await updateImportSettings(db, actor, await readBody(req, importSettingsInput))));
