// Browser test: in Debian chromium (playwright-core) the admin adds a person on /users, copies the invitation link
// shown once, a fresh browser context (nobody signed in) opens it, chooses a password and lands signed in; the link
// then shows a clear page; axe-core finds no serious or critical problem on /users, a profile and the invitation page.
'use strict';

const { describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Harness, OUT, PASSWORD } = require('./lib');

const h = new Harness('people', [19600, 19699, Number(process.env.TANDEM_PEOPLE_PORT || 19640)]);
const step = h.step.bind(h), submit = h.submit.bind(h);

const PERSON = { email: 'robin@demo.tandem', name: 'Robin Browser', role: 'pmm', password: 'robin-chooses-this' };
let page, base, link, guest, guestPage, personPath;

// No serious or critical axe-core violation on the page p shows now.
async function axeClean(t, p) {
  // evaluated through the devtools protocol, so the page's CSP (script-src 'self') does not block it
  await p.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
  const res = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.ok(res.passes.length > 10, 'axe ran its rules');
  const serious = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (vs) => vs.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  for (const line of describe(res.violations.filter((v) => !serious.includes(v)))) t.diagnostic(`axe (minor): ${line}`);
  assert.deepEqual(describe(serious), []);
}

describe('people in chromium: add, invitation link, a fresh browser sets the password', { timeout: 120000 }, () => {
  before(async () => {
    await h.start();
    ({ page, base } = h);
  });

  after(async () => {
    if (guest) await guest.close().catch(() => {});
    await h.stop();
  });

  step('the admin signs in and finds People in the navigation', async () => {
    await h.signIn('admin@demo.tandem');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, '/users');
    const text = await page.locator('#people').innerText();
    assert.match(text, /Invitation pending/, 'the demo shows a pending invitation');
    assert.match(text, /Deactivated/, 'and a deactivated person');
    await page.screenshot({ path: path.join(OUT, 'browser-people-list.png'), fullPage: true });
  });

  step('/users has no serious accessibility problems (axe)', async (t) => axeClean(t, page));

  step('adds a person with a role and sees the invitation link once', async () => {
    await page.fill('#user-add-email', PERSON.email);
    await page.fill('#user-add-name', PERSON.name);
    await page.selectOption('#user-add-role', PERSON.role);
    const resp = await submit(page.locator('#user-add-form button[type="submit"]'), '/users');
    assert.equal(resp.status(), 201);
    assert.equal(await page.locator('h1').innerText(), 'Person added');
    link = await page.inputValue('#invite-url');
    assert.match(link, new RegExp(`^${base}/invite/[A-Za-z0-9_-]{43}$`));
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the copy button copies the link');
    await page.screenshot({ path: path.join(OUT, 'browser-people-link.png'), fullPage: true });
  });

  step('the profile shows the person, the pending invitation and the admin forms', async (t) => {
    await page.getByRole('link', { name: 'Back to their profile' }).click();
    await page.waitForLoadState('load');
    personPath = new URL(page.url()).pathname;
    assert.match(personPath, /^\/users\/\d+$/);
    assert.equal(await page.locator('h1').innerText(), PERSON.name);
    assert.equal(await page.locator('#v-role').innerText(), PERSON.role);
    assert.match(await page.locator('#v-state').innerText(), /Invitation pending/);
    await page.locator('#user-role-form').waitFor();
    await page.screenshot({ path: path.join(OUT, 'browser-people-profile.png'), fullPage: true });
    await axeClean(t, page);
  });

  step('a fresh browser, signed in as nobody, opens the link and sets a password', async (t) => {
    guest = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
    guestPage = await guest.newPage();
    guestPage.setDefaultTimeout(10000);
    const r = await guestPage.goto(link);
    assert.equal(r.status(), 200);
    assert.equal(await guestPage.locator('h1').innerText(), 'Welcome to Tandem');
    assert.equal(await guestPage.inputValue('#invite-email'), PERSON.email);
    await guestPage.screenshot({ path: path.join(OUT, 'browser-people-invite.png'), fullPage: true });
    await axeClean(t, guestPage);
    await guestPage.fill('#password', PERSON.password);
    await guestPage.fill('#password_confirm', PERSON.password);
    const [resp] = await Promise.all([
      guestPage.waitForResponse((x) => x.request().method() === 'POST' && new URL(x.url()).pathname.startsWith('/invite/')),
      guestPage.getByRole('button', { name: 'Set password and sign in' }).click(),
    ]);
    assert.equal(resp.status(), 303);
    await guestPage.waitForLoadState('load');
    assert.equal(new URL(guestPage.url()).pathname, '/');
    assert.match(await guestPage.locator('form.who').innerText(), new RegExp(`${PERSON.name}\\s*\\(${PERSON.role}\\)`));
    const me = await (await guestPage.request.get(`${base}/api/v1/session`)).json();
    assert.equal(me.user.email, PERSON.email);
  });

  step('the link used once shows a clear page; the password signs in', async () => {
    const r = await guestPage.goto(link);
    assert.equal(r.status(), 410);
    assert.equal(await guestPage.locator('h1').innerText(), 'This link was used already');
    await guestPage.screenshot({ path: path.join(OUT, 'browser-people-used.png'), fullPage: true });
    const ok = await guestPage.request.post(`${base}/api/v1/session`, { data: { email: PERSON.email, password: PERSON.password } });
    assert.equal(ok.status(), 201);
  });

  step('the admin sees the person active now, and deactivates them', async () => {
    await page.goto(`${base}${personPath}`);
    assert.match(await page.locator('#v-state').innerText(), /Active/);
    const resp = await submit(page.locator('#user-deactivate-form button[type="submit"]'), `${personPath}/deactivate`);
    assert.equal(resp.status(), 303);
    assert.match(await page.locator('#done').innerText(), /Deactivated/);
    const r = await guestPage.request.get(`${base}/api/v1/session`);
    assert.equal(r.status(), 401, 'their session ends at once');
  });

  h.endSteps();
});
