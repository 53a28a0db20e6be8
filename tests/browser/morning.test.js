// Browser test: the morning of a PM and of a PMM in Debian chromium, on the demo plus 555 imported real app
// reviews. The PM opens the dashboard's "My work", follows it to the findings on what they own, opens one, accepts
// another as a known risk, pages through every insight, bulk-links three to a feature and sees them on the feature
// and on an account's page. The PMM finds their launches and their findings and the risk they accepted. axe-core
// on each page; screenshots of each step in tests/out/browser-morning-*.png.
'use strict';

const { describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Harness, OUT } = require('./lib');

const h = new Harness('morning', [19800, 19899, Number(process.env.TANDEM_MORNING_PORT || 19840)]);
const REVIEWS = path.resolve(__dirname, '..', 'data', 'app-reviews.csv');
const FEATURE = 'Slack and Teams alerts when a metric moves';

let page, base;
const step = h.step.bind(h), submit = h.submit.bind(h), apiGet = h.apiGet.bind(h);
const shot = (name) => page.screenshot({ path: path.join(OUT, `browser-morning-${name}.png`), fullPage: true });
const squash = (s) => s.replace(/\s+/g, ' ').trim();

async function axe(t, what) {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  t.diagnostic(`axe on ${what}: ${res.passes.length} rules passed, ${res.violations.length} violated`);
  assert.deepEqual(bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), []);
}

function isoDay(offset) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

describe('the morning in chromium: my work, findings, a known risk, 555 insights, a bulk link', { timeout: 240000 }, () => {
  before(async () => {
    await h.start();
    ({ page, base } = h);
    const r = spawnSync(path.resolve(__dirname, '..', '..', process.env.TANDEM_BIN || 'build/san/tandem'),
      ['import', 'insights', REVIEWS, '--map', 'review_id=external_id,text=text,author=author,app=tags,source=url',
        '--source', 'review', '--quiet', '--db', path.join(h.tmp, 'x.db')], { encoding: 'utf8' });
    assert.equal(r.status, 0, `the import failed: ${r.stderr}`);
  });

  after(() => h.stop());

  let me, mine;
  step('the PM signs in: the dashboard shows My work with what they own and their findings', async (t) => {
    await h.signIn('pm@demo.tandem');
    me = (await apiGet('/api/v1/session')).user;
    const card = page.locator('#my-work');
    await card.waitFor();
    const owned = (await apiGet(`/api/v1/users/${me.id}/owned`));
    assert.ok(owned.items.length > 0, 'the demo PM owns something');
    const goals = owned.items.find((c) => c.kind === 'goals');
    assert.ok(goals, 'the PM owns goals');
    assert.match(squash(await card.locator(`a[href="/goals?${goals.field}=${me.id}"]`).innerText()), new RegExp(`^${goals.count} Goals`));
    const report = await apiGet('/api/v1/alignment');
    mine = report.findings.filter((f) => f.owner === me.id);
    assert.ok(mine.length >= 2, `the PM owns ${mine.length} findings`);
    assert.match(squash(await card.innerText()), new RegExp(`Findings on what you own: ${mine.length} finding`));
    await shot('1-pm-dashboard');
    await axe(t, 'the dashboard');
  });

  step('follows "Findings on what you own" to the report filtered to them, and opens one', async (t) => {
    await Promise.all([page.waitForURL(/\/alignment\?owner=me/), page.locator('#my-work a[href="/alignment?owner=me"]').click()]);
    const rows = page.locator('#findings tbody tr');
    assert.equal(await rows.count(), mine.length, 'one row per finding the PM owns');
    await shot('2-pm-findings');
    await axe(t, 'the alignment report');
    const first = rows.first().locator('td:nth-child(2) a');
    const text = squash(await first.innerText());
    const href = await first.getAttribute('href');
    const resp = await Promise.all([page.waitForURL((u) => u.pathname === href.split('#')[0].split('?')[0]), first.click()]);
    assert.ok(resp, 'the finding opened its object');
    assert.ok(text.includes(squash(await page.locator('h1').innerText())), `the finding "${text}" names the page it opens`);
  });

  let accepted;
  step('accepts a finding as a known risk with a reason and an expiry: it leaves the findings, listed apart', async () => {
    await page.goto(`${base}/alignment?owner=me`);
    const before = (await apiGet('/api/v1/alignment')).score;
    const row = page.locator('#findings tbody tr').filter({ has: page.locator('form.accept-risk') }).last();
    const message = squash(await row.locator('td:nth-child(2) a').innerText());
    await row.locator('details summary').click();
    await row.locator('textarea[name="reason"], input[name="reason"]').fill('Known: the owner joins in January and takes it then.');
    await row.locator('input[name="until"]').fill(isoDay(21));
    const resp = await submit(row.getByRole('button', { name: 'Accept as a risk' }), '/alignment/accepted');
    assert.equal(resp.status(), 303);
    assert.ok(!(await page.locator('#findings').innerText()).includes(message), 'the finding left the table');
    assert.ok(squash(await page.locator('#accepted').innerText()).includes(message), 'and is listed as accepted');
    const list = await apiGet('/api/v1/alignment/accepted');
    accepted = list.items.find((a) => a.accepted_by === me.id);
    assert.ok(accepted, 'the API lists the acceptance, by the PM');
    assert.equal(accepted.until, isoDay(21));
    assert.ok((await apiGet('/api/v1/alignment')).score >= before, 'the accepted finding no longer lowers the score');
    await shot('3-pm-accepted');
  });

  let total;
  step('pages through every insight: 50 a page, then 200 a page, the count matching', async (t) => {
    await page.goto(`${base}/insights`);
    total = Number((await page.locator('#list-range').innerText()).match(/of (\d+)/)[1]);
    assert.ok(total >= 555 + 14, `the 555 reviews and the demo's insights are listed (${total})`);
    assert.equal(await page.locator('input[name="ids"]').count(), 50, 'the first page holds 50');
    await shot('4-pm-insights');
    await axe(t, 'the insights list');
    await Promise.all([page.waitForLoadState('load'), page.locator('a[rel="next"]').first().click()]);
    assert.match(await page.locator('#list-range').innerText(), new RegExp(`^51–100 of ${total}`));
    await page.goto(`${base}/insights`);
    await page.locator('select[name="limit"]').selectOption('200');
    await Promise.all([page.waitForURL(/limit=200/), page.locator('select[name="limit"]').locator('xpath=ancestor::form').getByRole('button', { name: 'Apply' }).click()]);
    const seen = new Set();
    for (let pages = 0; pages < 10; pages++) {
      for (const v of await page.locator('input[name="ids"]').evaluateAll((els) => els.map((e) => e.value))) seen.add(v);
      const next = page.locator('a[rel="next"]').first();
      if (!(await next.count())) break;
      await Promise.all([page.waitForLoadState('load'), next.click()]);
    }
    assert.equal(seen.size, total, 'every insight was on exactly one page');
    await page.locator('a[rel="prev"]').first().click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('#list-range').innerText(), /^201–400 of/);
  });

  let feature, picked;
  step('bulk-links three insights about alerts to a feature, in one change', async () => {
    feature = (await apiGet(`/api/v1/features?q=${encodeURIComponent('Slack Teams alerts')}`)).items.find((f) => f.title === FEATURE);
    assert.ok(feature, 'the demo has the feature');
    const found = (await apiGet('/api/v1/insights?q=alerts&limit=50')).items;
    const withAccount = found.filter((i) => i.account_id);
    assert.ok(withAccount.length >= 1 && found.length >= 3, 'insights about alerts, one of an account');
    picked = [withAccount[0], ...found.filter((i) => i.id !== withAccount[0].id).slice(0, 2)];
    await page.goto(`${base}/insights?q=alerts`);
    for (const i of picked) await page.locator(`input[name="ids"][value="${i.id}"]`).check();
    await page.locator('#bulk summary').click();
    await page.locator('#insights-bulk-action').selectOption('link');
    await page.locator('#insights-bulk-feature_id').selectOption(String(feature.id));
    await page.locator('#insights-bulk-importance').fill('3');
    const resp = await submit(page.getByRole('button', { name: 'Apply to the selected' }), '/insights/bulk');
    assert.equal(resp.status(), 303);
    assert.equal(squash(await page.locator('#saved').innerText()), '3 insights linked to the feature.');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'alerts', 'back on the list as it was, still searching');
    await shot('5-pm-bulk-linked');
  });

  step('sees the three on the feature, and the feature on the account of one of them', async (t) => {
    const ev = await apiGet(`/api/v1/features/${feature.id}/evidence`);
    const ids = (ev.items || ev.evidence || []).map((e) => e.insight_id || e.id);
    for (const i of picked) assert.ok(ids.includes(i.id), `insight ${i.id} is the feature's evidence`);
    await page.goto(`${base}/features/${feature.id}`);
    const text = squash(await page.locator('main').innerText());
    for (const i of picked) assert.ok(text.includes(squash(i.text).slice(0, 40)), `the feature's page shows "${i.text.slice(0, 40)}"`);
    await shot('6-pm-feature-evidence');
    await page.goto(`${base}/accounts/${picked[0].account_id}`);
    const rel = page.locator('#related-features').locator('xpath=following-sibling::ul[1]');
    assert.ok(squash(await rel.innerText()).includes(FEATURE), 'the account lists the request its insight backs');
    assert.match(squash(await page.locator('.at-stake').innerText()), /^ARR at stake: [\d,]+/);
    await shot('7-pm-account');
    await axe(t, 'the account page');
  });

  step('the PMM signs in: My work shows their launches and findings, and the risk they accepted', async (t) => {
    await h.context.clearCookies();
    await h.signIn('pmm@demo.tandem');
    const pmm = (await apiGet('/api/v1/session')).user;
    const owned = await apiGet(`/api/v1/users/${pmm.id}/owned`);
    const launches = owned.items.find((c) => c.kind === 'launches');
    assert.ok(launches && launches.count > 0, 'the PMM runs launches');
    const link = page.locator(`#my-work a[href="/launches?owner=${pmm.id}"]`);
    assert.match(squash(await link.innerText()), new RegExp(`^${launches.count} Launches`));
    await shot('8-pmm-dashboard');
    await Promise.all([page.waitForURL(/\/launches\?owner=/), link.click()]);
    assert.equal(await page.locator('main table tbody tr').count(), launches.count, 'the list shows the PMM\'s launches');
    await page.goto(`${base}/alignment?owner=me`);
    const report = await apiGet('/api/v1/alignment');
    const theirs = report.findings.filter((f) => f.owner === pmm.id);
    assert.equal(await page.locator('#findings tbody tr').count(), Math.max(theirs.length, 1));
    const acc = squash(await page.locator('#accepted').innerText());
    assert.ok(acc.includes('webinar is the follow-up'), 'the demo\'s acceptance by the PMM is listed with its reason');
    await shot('9-pmm-findings');
    await axe(t, 'the PMM\'s report');
  });

  h.endSteps();
});
