import type { Browser, Page } from '@playwright/test';
import { createTier, offerOnlyTiers, type TierSpec } from './admin-pages';
import { createApplication, subscribeFromCatalog } from './apps-pages';
import { signIn, signUp, uniqueEmail } from './auth-pages';
import { changeStatus, deployTo, importApi } from './publisher-pages';

export interface TieredApi {
  /** The publisher's page, left on the API's management page. */
  pub: Page;
  /** A newly signed-up developer's page, left on the API's catalog page after subscribing. */
  dev: Page;
  title: string;
  appName: string;
}

/**
 * The path every tier journey starts with: the admin (signed in on `admin`) creates a tier, the demo publisher
 * imports an API that offers only that tier, publishes and deploys it, and a new developer subscribes an application
 * on it. Each actor has their own browser context.
 */
export async function subscribeOnNewTier(admin: Page, browser: Browser, spec: { tier: TierSpec; title: string; context: string; backendUrl: string; developer: string }): Promise<TieredApi> {
  await signIn(admin, 'admin@gatehouse.local', 'gatehouse-admin');
  await createTier(admin, spec.tier);

  const pub = await (await browser.newContext()).newPage();
  await signIn(pub, 'publisher@gatehouse.local', 'gatehouse-publisher');
  await importApi(pub, { title: spec.title, context: spec.context, backendUrl: spec.backendUrl });
  await offerOnlyTiers(pub, [spec.tier.name]);
  await changeStatus(pub, 'Publish', 'Published');
  await deployTo(pub, 'default');

  const dev = await (await browser.newContext()).newPage();
  const appName = `${spec.title} app`;
  await signUp(dev, { name: spec.developer, email: uniqueEmail(spec.developer.split(' ')[0]?.toLowerCase() ?? 'dev'), password: 'a long enough password' });
  await createApplication(dev, appName);
  await subscribeFromCatalog(dev, spec.title, appName, spec.tier.name);
  return { pub, dev, title: spec.title, appName };
}
