import { expect, type Page } from '@playwright/test';

/** The parts of a printed sidecar start command a test needs to run it. */
export interface StartCommand {
  token: string;
  portalUrl: string;
  publicKey: string;
}

export function parseStartCommand(command: string): StartCommand {
  const token = command.match(/GATEHOUSE_GATEWAY_TOKEN=(\S+)/)?.[1];
  const portalUrl = command.match(/--portal-url (\S+)/)?.[1];
  const publicKey = command.match(/--portal-public-key (\S+)/)?.[1];
  if (!token || !portalUrl || !publicKey) throw new Error(`unexpected start command: ${command}`);
  return { token, portalUrl, publicKey };
}

/** Registers a gateway on the fleet page and returns the start command it shows once. */
export async function registerGateway(page: Page, environment: string, name: string): Promise<string> {
  await page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: environment });
  await page.getByLabel('Gateway name').fill(name);
  await page.getByRole('button', { name: 'Register gateway' }).click();
  const command = page.getByTestId('start-command');
  await expect(command).toContainText('GATEHOUSE_GATEWAY_TOKEN=gwt_');
  return (await command.textContent()) ?? '';
}

export function gatewayRow(page: Page, name: string) {
  return page.getByTestId('gateway-row').filter({ hasText: name });
}
