// Browser test: in Debian chromium (playwright-core) sign in, create a goal, measure it, change its target, sign out, and check a viewer cannot edit.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Harness, OUT, PASSWORD } = require('./lib');

const h = new Harness('', [18300, 18399, Number(process.env.TANDEM_BROWSER_PORT || 18340)]);

// Fixed inputs, so every run does the same thing on a fresh demo workspace.
const GOAL = {
  title: 'Browser test: weekly active teams',
  metric: 'Teams active in the last 7 days',
  unit: 'teams',
  target: '120',
  due: '2027-06-30',
  pm: 'Priya Patel (pm)',
  pmm: 'Marco Rossi (pmm)',
  review: '14',
  status: 'active',
};
const MEASURE = { at: '2026-03-02', value: '47.5' };
const NEW_TARGET = { target: '150', reason: 'Launch moved forward; more teams in reach' };

let page, base;
let goalPath = null; // "/goals/N" once created

const step = h.step.bind(h), submit = h.submit.bind(h), apiGet = h.apiGet.bind(h);

// Signs in with the form on the current page, or on /login if the page is not a sign-in page.
async function signIn(email) {
  if (new URL(page.url()).pathname !== '/login') await page.goto(`${base}/login`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  const resp = await submit(page.locator('form[action="/login"] button[type="submit"]'), '/login');
  assert.ok([302, 303].includes(resp.status()), `sign-in POST answered ${resp.status()}`);
}

describe('tandem in chromium', { timeout: 55000 }, () => {
  before(async () => {
    await h.start();
    ({ page, base } = h);
  });


  after(() => h.stop());


  step('signs in as the PM and lands on the dashboard', async () => {
    await page.goto(`${base}/login`);
    assert.equal(await page.locator('h1').innerText(), 'Sign in to Tandem');
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0, 'signed out: no sign-out button');
    await signIn('pm@demo.tandem');
    assert.equal(new URL(page.url()).pathname, '/', 'sign-in lands on the dashboard');
    assert.match(await page.locator('h1').innerText(), /Welcome, Priya Patel/);
    assert.match(await page.locator('form.who').innerText(), /Priya Patel\s*\(pm\)/);
    assert.equal(await page.locator('nav[aria-label="Main"] a[aria-current="page"]').innerText(), 'Dashboard');
    await page.goto(`${base}/login`); // signed in, /login sends you on
    assert.equal(new URL(page.url()).pathname, '/');
  });

  step('refuses a wrong password with the message on the page', async () => {
    const ctx = await h.browser.newContext();
    try {
      const p = await ctx.newPage();
      await p.goto(`${base}/login`);
      await p.fill('#email', 'pm@demo.tandem');
      await p.fill('#password', 'wrong-password');
      const [resp] = await Promise.all([p.waitForResponse((r) => r.request().method() === 'POST'), p.click('form[action="/login"] button[type="submit"]')]);
      assert.ok(resp.status() >= 400 && resp.status() < 500, `wrong password answered ${resp.status()}`);
      await p.waitForLoadState('load');
      assert.equal(new URL(p.url()).pathname, '/login');
      assert.ok(await p.locator('#signin-error').isVisible(), 'the sign-in error should show');
      assert.equal(await p.inputValue('#email'), 'pm@demo.tandem', 'the email should be kept');
    } finally {
      await ctx.close();
    }
  });

  step('creates a goal, first showing a field error beside the empty title', async () => {
    await page.goto(`${base}/goals`);
    assert.equal(await page.locator('h1').innerText(), 'Goals');
    await page.getByRole('link', { name: 'New goal' }).click();
    await page.waitForURL(`${base}/goals/new`);
    assert.equal(await page.locator('h1').innerText(), 'New goal');
    // defaults from the field descriptions
    assert.equal(await page.inputValue('#f-review_every_days'), '30');
    assert.equal(await page.inputValue('#f-status'), 'active');

    await page.fill('#f-title', '');
    await page.fill('#f-metric', GOAL.metric);
    await page.fill('#f-unit', GOAL.unit);
    await page.fill('#f-target', GOAL.target);
    await page.fill('#f-due', GOAL.due);
    await page.selectOption('#f-pm_owner', { label: GOAL.pm });
    await page.selectOption('#f-pmm_owner', { label: GOAL.pmm });
    await page.fill('#f-review_every_days', GOAL.review);
    await page.selectOption('#f-status', GOAL.status);
    const create = page.locator('form.edit button[type="submit"]');
    assert.equal(await create.innerText(), 'Create goal');

    let resp = await submit(create, '/goals');
    assert.equal(resp.status(), 400, 'an empty title should be refused with 400');
    assert.equal(await page.locator('h1').innerText(), 'New goal', 'the form should re-render');
    const bad = page.locator('.field.has-error');
    assert.equal(await bad.count(), 1, 'exactly one field is marked');
    assert.equal(await bad.locator('#f-title').count(), 1, 'the marked field is the title');
    const msg = bad.locator('.field-error');
    assert.ok(await msg.isVisible(), 'the message shows beside the field');
    assert.match(await msg.innerText(), /title/i);
    assert.equal(await page.getAttribute('#f-title', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#f-title', 'aria-describedby'), await msg.getAttribute('id'));
    // what was typed is kept
    assert.equal(await page.inputValue('#f-metric'), GOAL.metric);
    assert.equal(await page.inputValue('#f-unit'), GOAL.unit);
    assert.equal(await page.inputValue('#f-target'), GOAL.target);
    assert.equal(await page.inputValue('#f-due'), GOAL.due);
    assert.equal(await page.inputValue('#f-review_every_days'), GOAL.review);
    assert.equal(await page.locator('#f-pm_owner option:checked').innerText(), GOAL.pm);
    assert.equal(await page.locator('#f-pmm_owner option:checked').innerText(), GOAL.pmm);
    await page.screenshot({ path: path.join(OUT, 'browser-goal-error.png'), fullPage: true });

    await page.fill('#f-title', GOAL.title);
    resp = await submit(page.locator('form.edit button[type="submit"]'), '/goals');
    assert.ok([302, 303].includes(resp.status()), `creating answered ${resp.status()}`);
    const m = /^\/goals\/(\d+)$/.exec(new URL(page.url()).pathname);
    assert.ok(m, `should land on the goal page, got ${page.url()}`);
    goalPath = m[0];
    assert.equal(await page.locator('h1').innerText(), GOAL.title);
    assert.equal((await page.locator('#v-metric').innerText()).trim(), GOAL.metric);
    assert.equal((await page.locator('#v-target').innerText()).trim(), GOAL.target);
    assert.equal((await page.locator('#v-due').innerText()).trim(), GOAL.due);
    assert.equal((await page.locator('#v-pm_owner').innerText()).trim(), 'Priya Patel');
    assert.equal((await page.locator('#v-pmm_owner').innerText()).trim(), 'Marco Rossi');
    assert.equal((await page.locator('#v-review_every_days').innerText()).trim(), GOAL.review);
    assert.equal((await page.locator('#v-status').innerText()).trim(), 'Active'); // the value's label (the value stays active)
    assert.match(await page.locator('.progress-line').innerText(), /No measurement yet/);
    assert.equal(await page.locator('svg.chart').count(), 0);
  });

  step('records a measurement and sees it in the value and the chart', async () => {
    const form = page.locator('#measure-form');
    await form.locator('input[name="at"]').fill(MEASURE.at);
    await form.locator('input[name="value"]').fill(MEASURE.value);
    const resp = await submit(form.locator('button[type="submit"]'), `${goalPath}/measurements`);
    assert.ok([302, 303].includes(resp.status()), `recording answered ${resp.status()}`);
    assert.equal(new URL(page.url()).pathname, goalPath);
    assert.equal((await page.locator('#v-current').innerText()).trim(), MEASURE.value);
    assert.match(await page.locator('.progress-line').innerText(), new RegExp(`Now ${MEASURE.value} ${GOAL.unit}, target ${GOAL.target}`));
    const chart = page.locator('svg.chart');
    assert.equal(await chart.count(), 1, 'the chart should be drawn');
    assert.equal(await chart.locator('circle').count(), 1, 'one point for one measurement');
    assert.equal(await chart.locator('circle title').textContent(), `${MEASURE.at}: ${MEASURE.value}`);
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 200 && box.height > 50, 'the chart has a visible size');
    const row = page.locator('#measurements tbody tr');
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('td').nth(0).textContent(), MEASURE.at);
    assert.equal(await row.locator('td').nth(1).textContent(), MEASURE.value);
    await page.screenshot({ path: path.join(OUT, 'browser-goal.png'), fullPage: true });
  });

  step('refuses an impossible measurement date with the message in the form', async () => {
    // type=date never sends an impossible date from chromium, so post the form directly with the page's cookie
    const csrf = await page.locator('#measure-form input[name="_csrf"]').inputValue();
    const r = await page.request.post(`${base}${goalPath}/measurements`, { form: { _csrf: csrf, at: '2026-02-30', value: '1' }, maxRedirects: 0 });
    assert.equal(r.status(), 400);
    assert.match(await r.text(), /id="measure-error"[^>]*>[^<]*date/);
  });

  step('changes the target with a reason and lists the revision', async () => {
    await page.locator('section.target summary').click();
    const form = page.locator('#target-form');
    assert.equal(await form.locator('#target-target').inputValue(), GOAL.target);
    // without a reason it is refused, and the form stays open with the message
    await form.locator('#target-target').fill(NEW_TARGET.target);
    await form.locator('#target-reason').evaluate((el) => el.removeAttribute('required'));
    let resp = await submit(form.locator('button[type="submit"]'), `${goalPath}/target`);
    assert.equal(resp.status(), 400, 'a target change without a reason should be refused');
    assert.ok(await page.locator('#target-error').isVisible(), 'the message shows in the open form');
    assert.match(await page.locator('#target-error').innerText(), /reason/);
    assert.equal(await page.locator('#target-target').inputValue(), NEW_TARGET.target);

    await page.fill('#target-reason', NEW_TARGET.reason);
    resp = await submit(page.locator('#target-form button[type="submit"]'), `${goalPath}/target`);
    assert.ok([302, 303].includes(resp.status()), `changing the target answered ${resp.status()}`);
    assert.equal((await page.locator('#v-target').innerText()).trim(), NEW_TARGET.target);
    const revs = page.locator('#revisions li');
    assert.equal(await revs.count(), 1);
    const text = await revs.first().innerText();
    assert.match(text, /Priya Patel/);
    assert.match(text, new RegExp(`from ${GOAL.target} to ${NEW_TARGET.target}`));
    assert.match(text, new RegExp(NEW_TARGET.reason));
    assert.match(await page.locator('section.history').innerText(), /target changed/);
  });

  step('finds the goal in the list with its sparkline', async () => {
    await page.goto(`${base}/goals`);
    assert.equal(await page.locator(`table.list a[href="${goalPath}"]`).count(), 1, 'the new goal is listed');
    await page.screenshot({ path: path.join(OUT, 'browser-goals.png'), fullPage: true });
    await page.goto(`${base}/goals?q=${encodeURIComponent('weekly active teams')}`);
    const row = page.locator('table.list tbody tr', { has: page.locator(`a[href="${goalPath}"]`) });
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), new RegExp(`${MEASURE.value}`));
    assert.ok((await row.locator('svg').count()) >= 1, 'a sparkline for the goal');
  });

  step('the goal page has no serious accessibility problems (axe)', async (t) => {
    await page.goto(`${base}${goalPath}`);
    // evaluated through the devtools protocol, so the page's CSP (script-src 'self') does not block it
    await page.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
    const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.ok(res.passes.length > 10, 'axe ran its rules');
    t.diagnostic(`axe ${res.testEngine.version}: ${res.passes.length} rules passed, ${res.violations.length} violated`);
    const serious = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const describe = (vs) => vs.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    for (const line of describe(res.violations.filter((v) => !serious.includes(v)))) t.diagnostic(`axe (minor): ${line}`);
    assert.deepEqual(describe(serious), []);
  });

  step('signs out; /goals then asks to sign in', async () => {
    const resp = await submit(page.getByRole('button', { name: 'Sign out' }), '/logout');
    assert.ok([302, 303].includes(resp.status()), `signing out answered ${resp.status()}`);
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.goto(`${base}/goals`);
    const u = new URL(page.url());
    assert.equal(u.pathname, '/login');
    assert.equal(u.searchParams.get('next'), '/goals');
  });

  step('a viewer sees no edit controls and may not post', async () => {
    await page.goto(`${base}/goals`); // to /login?next=/goals; signing in there comes back
    await signIn('viewer@demo.tandem');
    assert.equal(new URL(page.url()).pathname, '/goals', 'sign-in follows ?next=/goals');
    assert.match(await page.locator('form.who').innerText(), /Victor Viewer\s*\(viewer\)/);
    assert.equal(await page.getByRole('link', { name: 'New goal' }).count(), 0, 'no "New goal" link');
    assert.equal(await page.locator('a[href="/goals/new"]').count(), 0);
    await page.goto(`${base}${goalPath}`);
    assert.equal(await page.locator('h1').innerText(), GOAL.title);
    assert.equal((await page.locator('#v-target').innerText()).trim(), NEW_TARGET.target, 'a viewer sees the goal');
    assert.equal(await page.locator('#measure-form').count(), 0, 'no measurement form');
    assert.equal(await page.locator('#target-form').count(), 0, 'no target form');
    assert.equal(await page.locator(`a[href="${goalPath}/edit"]`).count(), 0, 'no Edit link');
    assert.equal(await page.locator('form[method="post"]:not(.who):not(.follow)').count(), 0,
      'no form posts anything but sign-out and Follow (a viewer may follow what they read)');
    assert.equal(await page.locator(`form.follow[action="${goalPath}/watch"]`).count(), 1, 'a viewer may follow the goal');

    const newPage = await page.goto(`${base}/goals/new`);
    assert.equal(newPage.status(), 403, 'the new-goal form is refused');
    // with a valid CSRF token (from the sign-out form), posting is still refused by role
    await page.goto(`${base}/goals`);
    const csrf = await page.locator('form.who input[name="_csrf"]').inputValue();
    assert.ok(csrf.length > 0);
    const post = (url, form) => page.request.post(`${base}${url}`, { form: { _csrf: csrf, ...form }, maxRedirects: 0 });
    const tries = [
      ['/goals', { title: 'viewer goal', metric: 'm', target: '1', review_every_days: '30', status: 'active' }],
      [`${goalPath}/measurements`, { at: '2026-03-03', value: '99' }],
      [`${goalPath}/target`, { target: '1', reason: 'viewer' }],
      [`${goalPath}/review`, {}],
      [`${goalPath}/delete`, {}],
    ];
    for (const [url, form] of tries) assert.equal((await post(url, form)).status(), 403, `POST ${url} as a viewer`);
    // nothing changed
    await page.goto(`${base}${goalPath}`);
    assert.equal((await page.locator('#v-current').innerText()).trim(), MEASURE.value);
    assert.equal((await page.locator('#v-target').innerText()).trim(), NEW_TARGET.target);
    assert.match(await page.locator('section.review').innerText(), /Never reviewed/);
  });

  h.endSteps();
});
