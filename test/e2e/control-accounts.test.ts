/** The panel's accounts section: an admin adds an editor and sees its one-time password once; a viewer is told no. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLoginPage, openPanel, logIn, startWorld, stopWorld, type PanelWorld } from './control-fixture.ts';

let world: PanelWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => stopWorld(world));

describe('accounts section', () => {
  it('an admin adds an editor, gets a one-time password that signs in, and the journal records it', async () => {
    const { context, page } = await openPanel(world, 'Ana');
    await page.getByRole('button', { name: 'Accounts' }).click();
    await page.getByLabel('Username').fill('carla');
    await page.getByLabel('Display name').fill('Carla Díaz');
    await page.getByRole('button', { name: 'Add account' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'One-time password' });
    await notice.waitFor();
    const password = /: (\S+)$/.exec((await notice.textContent())!.trim())![1]!;
    await page.getByRole('cell', { name: 'Carla Díaz' }).waitFor();
    const login = await world.server.request('POST', '/api/login', { username: 'carla', password });
    expect(login.status).toBe(204);
    const { body } = await world.server.request('GET', '/api/changes', undefined, await world.server.login());
    expect(body.changes.at(-1)).toMatchObject({ operation: 'account.add', actor: 'Ana' });
    await context.close();
  });

  it('a viewer sees that only an admin manages accounts', async () => {
    await world.server.loginAs('watcher', 'viewer');
    const { context, page } = await openLoginPage(world);
    await logIn(page, world.server.password, 'watcher');
    await page.getByRole('button', { name: 'Accounts' }).click();
    await page.getByText('Only an admin manages accounts.').waitFor();
    await context.close();
  });
});
