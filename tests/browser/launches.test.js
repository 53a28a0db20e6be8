// Browser test: in Debian chromium (playwright-core) a PM creates a release and a tier-1 launch on it, ticks
// checklist items, reschedules the release past the launch (keeping the launch's date) and sees the conflict
// appear, moves it back and sees it resolve, reschedules again moving the launch along; then screenshots the
// roadmap timeline with the launch on it.
'use strict';

const { describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { Harness, OUT, PASSWORD } = require('./lib');

const h = new Harness('launches', [19400, 19499, Number(process.env.TANDEM_LAUNCHES_PORT || 19440)]);
const step = h.step.bind(h), submit = h.submit.bind(h), apiGet = h.apiGet.bind(h);

// today + n days as YYYY-MM-DD (UTC, as the server counts)
function day(n) {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const RELEASE = { name: 'Browser release 2027.5', date: day(40) };
const LAUNCH = { title: 'Browser launch: alerts in every channel', date: day(45) };

let page, base, releaseId, launchId;

describe('releases and launches in chromium: checklist, reschedule, conflicts, roadmap', { timeout: 120000 }, () => {
  before(async () => {
    await h.start();
    ({ page, base } = h);
  });

  after(() => h.stop());

  step('signs in as the PM', async () => {
    await page.goto(`${base}/login`);
    await page.fill('#email', 'pm@demo.tandem');
    await page.fill('#password', PASSWORD);
    const resp = await submit(page.locator('form[action="/login"] button[type="submit"]'), '/login');
    assert.ok([302, 303].includes(resp.status()), `sign-in answered ${resp.status()}`);
  });

  step('creates a release with the form', async () => {
    await page.goto(`${base}/releases/new`);
    await page.fill('#f-name', RELEASE.name);
    await page.fill('#f-target_date', RELEASE.date);
    const resp = await submit(page.locator('form.edit button[type="submit"]'), '/releases');
    assert.equal(resp.status(), 303);
    const m = /^\/releases\/(\d+)$/.exec(new URL(page.url()).pathname);
    assert.ok(m, `should land on the release, got ${page.url()}`);
    releaseId = Number(m[1]);
    assert.equal(await page.locator('h1').innerText(), RELEASE.name);
  });

  step('creates a tier-1 launch on it, which gets the tier-1 checklist', async () => {
    await page.goto(`${base}/launches/new?release_id=${releaseId}`);
    assert.equal(await page.inputValue('#f-release_id'), String(releaseId), 'the release is preselected from the link');
    await page.fill('#f-title', LAUNCH.title);
    await page.fill('#f-tier', '1');
    await page.fill('#f-launch_date', LAUNCH.date);
    const resp = await submit(page.locator('form.edit button[type="submit"]'), '/launches');
    assert.equal(resp.status(), 303);
    const m = /^\/launches\/(\d+)$/.exec(new URL(page.url()).pathname);
    assert.ok(m, `should land on the launch, got ${page.url()}`);
    launchId = Number(m[1]);
    assert.equal(await page.locator('#checklist tbody tr').count(), 7);
    assert.ok(await page.locator('#no-conflicts').isVisible(), 'a launch 45 days out, after its release: no conflicts');
    await page.screenshot({ path: path.join(OUT, 'browser-launches-new.png'), fullPage: true });
  });

  step('ticks two checklist items; readiness rises', async () => {
    for (let i = 0; i < 2; i++) {
      const resp = await submit(page.locator('#checklist button.tick:not(.ticked)').first(), await firstOpenItem());
      assert.equal(resp.status(), 303);
      assert.equal(new URL(page.url()).pathname, `/launches/${launchId}`);
    }
    assert.equal(await page.locator('#checklist button.tick.ticked').count(), 2);
    const r = await apiGet(`/api/v1/launches/${launchId}/readiness`);
    assert.equal(r.checklist, 29, '2 of 7 items done');
    assert.match(await page.locator('#readiness').innerText(), /Checklist 29% done/);
  });

  step('reschedules the release past the launch, keeping its date: the conflict appears', async () => {
    await reschedule(day(50), false);
    await page.goto(`${base}/launches/${launchId}`);
    const c = page.locator('li.finding[data-rule="launch-before-release"]');
    assert.equal(await c.count(), 1, 'the launch is now before its release');
    assert.match(await c.innerText(), /5 days before its release/);
    await page.screenshot({ path: path.join(OUT, 'browser-launches-conflict.png'), fullPage: true });
    const report = await apiGet('/api/v1/alignment');
    assert.ok(report.findings.some((f) => f.rule === 'launch-before-release' && f.id === launchId));
  });

  step('moves the release back: the conflict resolves', async () => {
    await reschedule(day(40), false);
    await page.goto(`${base}/launches/${launchId}`);
    assert.equal(await page.locator('li.finding[data-rule="launch-before-release"]').count(), 0);
    assert.ok(await page.locator('#no-conflicts').isVisible());
  });

  step('reschedules again, moving the launch by the same delta', async () => {
    await reschedule(day(47), true);
    const l = await apiGet(`/api/v1/launches/${launchId}`);
    assert.equal(l.launch_date, day(52), 'the launch moved 7 days with its release');
    const hist = await apiGet(`/api/v1/launches/${launchId}/history`);
    assert.equal(hist.items[0].action, 'rescheduled');
    await page.goto(`${base}/launches/${launchId}`);
    assert.ok(await page.locator('#no-conflicts').isVisible());
  });

  step('the roadmap timeline shows the release and the launch', async () => {
    await page.goto(`${base}/roadmap`);
    const svg = page.locator('svg').first();
    assert.ok(await svg.isVisible(), 'the roadmap draws an SVG timeline');
    const text = await page.locator('main').innerText().catch(() => page.locator('body').innerText());
    const svgText = await svg.evaluate((e) => e.textContent);
    assert.ok(svgText.includes(RELEASE.name) || text.includes(RELEASE.name), 'the release is on the roadmap');
    assert.ok(svgText.includes('Browser launch') || text.includes('Browser launch'), 'the launch is on the roadmap');
    await page.screenshot({ path: path.join(OUT, 'browser-launches-roadmap.png'), fullPage: true });
  });

  h.endSteps();
});

// Where the first checklist item not done is ticked: its button's form (/launch-checklist/ID/tick).
async function firstOpenItem() {
  const action = await page.locator('#checklist button.tick:not(.ticked)').first().evaluate((b) => b.form.getAttribute('action'));
  assert.match(action, /^\/launch-checklist\/\d+\/tick$/);
  return action;
}

// From the release's page: a new date, the preview, then keep or move the launches.
async function reschedule(date, move) {
  await page.goto(`${base}/releases/${releaseId}`);
  await page.fill('#new-date', date);
  await Promise.all([page.waitForURL(/\/reschedule\?/), page.locator('#reschedule button[type="submit"]').click()]);
  assert.ok((await page.locator('#affected tbody tr').count()) >= 1, 'the preview lists the launch');
  await page.check(`input[name="move_launches"][value="${move}"]`);
  const resp = await submit(page.locator('form[action$="/reschedule"] button[type="submit"]'), `/releases/${releaseId}/reschedule`);
  assert.equal(resp.status(), 303);
  const rel = await apiGet(`/api/v1/releases/${releaseId}`);
  assert.equal(rel.target_date, date);
}
