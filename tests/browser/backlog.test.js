// Browser test: in Debian chromium (playwright-core) a PM files a request, declines it at triage citing an
// out-of-scope line and gets the reply text, edits a feature's goal weights and estimates, sets capacity for a
// period, computes the plan for it and applies it; screenshots of each step.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Harness, OUT, PASSWORD } = require('./lib');

const h = new Harness('backlog', [18600, 18699, Number(process.env.TANDEM_BACKLOG_PORT || 18640)]);

const REQUEST = {
  title: 'Browser test: run Tandem on our own servers',
  requester: 'Rita Requester',
  description: 'Our IT team wants an installer for the data centre.',
  reason: 'We run Tandem as a service only, so every customer gets fixes the same day.',
};
const CAPACITY = { period: '2027-Q3', eng: '30', design: '6', mkt: '4' };

let page, base;
let requestId = null;

const step = h.step.bind(h), submit = h.submit.bind(h), apiGet = h.apiGet.bind(h);

describe('the backlog in chromium: triage, edit, capacity, plan', { timeout: 90000 }, () => {
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
    assert.equal(new URL(page.url()).pathname, '/');
  });

  step('files a new request with the form', async () => {
    await page.goto(`${base}/features/new`);
    assert.equal(await page.locator('h1').innerText(), 'New feature');
    assert.equal(await page.inputValue('#f-status'), 'new', 'a new feature starts as a request');
    await page.fill('#f-title', REQUEST.title);
    await page.selectOption('#f-kind', 'idea');
    await page.fill('#f-requester', REQUEST.requester);
    await page.fill('#f-description', REQUEST.description);
    const resp = await submit(page.locator('form.edit button[type="submit"]'), '/features');
    assert.ok([302, 303].includes(resp.status()), `creating answered ${resp.status()}`);
    const m = /^\/features\/(\d+)$/.exec(new URL(page.url()).pathname);
    assert.ok(m, `should land on the feature page, got ${page.url()}`);
    requestId = Number(m[1]);
    assert.equal(await page.locator('h1').innerText(), REQUEST.title);
    assert.equal((await page.locator('#v-requester').innerText()).trim(), REQUEST.requester);
  });

  step('declines it at triage citing an out-of-scope line, and sees the reply', async () => {
    await page.goto(`${base}/triage`);
    assert.equal(await page.locator('h1').innerText(), 'Triage');
    const gate = page.locator('aside.gate');
    assert.ok(await gate.isVisible(), 'the strategy is shown beside the queue');
    const outOfScope = (await gate.locator('ol').last().locator('li').first().innerText()).trim();
    assert.ok(outOfScope.length > 0, 'the demo strategy has an out-of-scope list');
    const card = page.locator(`#request-${requestId}`);
    assert.equal(await card.count(), 1, 'the new request is in the queue');
    assert.match(await card.innerText(), new RegExp(REQUEST.requester));
    await card.locator('summary', { hasText: 'Decline' }).click();
    const form = card.locator('form.decline');
    assert.ok(await form.isVisible(), 'the decline form opens');
    await form.locator('textarea[name="reason"]').fill(REQUEST.reason);
    await form.locator('select[name="cites"]').selectOption('out_of_scope:1');
    assert.match(await form.locator('select[name="cites"] option:checked').innerText(), /Out of scope 1/);
    const resp = await submit(form.locator('button[type="submit"]'), `/features/${requestId}/triage`);
    assert.equal(resp.status(), 303, `declining answered ${resp.status()} (want a redirect, so a reload posts nothing)`);
    await page.waitForURL(new RegExp(`/triage\\?replied=${requestId}$`));
    const reply = page.locator('#reply textarea');
    assert.ok(await reply.isVisible(), 'the reply to send is shown');
    const text = await reply.inputValue();
    assert.match(text, new RegExp(`^Hi ${REQUEST.requester},`));
    assert.ok(text.includes(REQUEST.title), 'the reply names the request');
    assert.ok(text.includes(REQUEST.reason), 'the reply gives the reason');
    assert.ok(text.includes(outOfScope), `the reply quotes the cited line "${outOfScope}"`);
    assert.match(await page.locator('#reply h2').innerText(), new RegExp(REQUEST.requester));
    assert.equal(await page.locator(`#request-${requestId}`).count(), 0, 'the request left the queue');
    await page.screenshot({ path: path.join(OUT, 'browser-triage.png'), fullPage: true });
    const f = await apiGet(`/api/v1/features/${requestId}`);
    assert.equal(f.status, 'declined');
    assert.ok(f.decline_reason.includes(REQUEST.reason));
  });

  let featureId, goalIds;
  step('edits a feature: goal weights, efforts and confidence', async () => {
    const list = await apiGet('/api/v1/features?status=accepted&sort=id&limit=1');
    featureId = list.items[0].id;
    goalIds = (await apiGet('/api/v1/goals?sort=id')).items.map((g) => g.id);
    assert.ok(goalIds.length >= 2, 'the demo has goals');
    await page.goto(`${base}/features/${featureId}`);
    await page.getByRole('link', { name: 'Edit' }).first().click();
    await page.waitForURL(`${base}/features/${featureId}/edit`);
    const goals = page.locator('#f-goals');
    assert.ok(await goals.isVisible(), 'the goals fieldset is shown');
    assert.equal(await goals.locator('input[type="number"]').count(), goalIds.length, 'one weight per goal');
    await goals.locator(`input[name="goals.${goalIds[0]}"]`).fill('4');
    await goals.locator(`input[name="goals.${goalIds[1]}"]`).fill('2');
    for (const id of goalIds.slice(2)) await goals.locator(`input[name="goals.${id}"]`).fill('');
    await page.fill('#f-effort_eng', '5');
    await page.fill('#f-effort_design', '1.5');
    await page.fill('#f-effort_mkt', '1');
    await page.fill('#f-confidence', '0.9');
    const resp = await submit(page.locator('form.edit button[type="submit"]'), `/features/${featureId}`);
    assert.ok([302, 303].includes(resp.status()), `saving answered ${resp.status()}`);
    assert.equal(new URL(page.url()).pathname, `/features/${featureId}`);
    assert.equal((await page.locator('#v-confidence').innerText()).trim(), '0.9');
    assert.equal((await page.locator('#v-effort_eng').innerText()).trim(), '5');
    assert.equal((await page.locator('#v-effort_design').innerText()).trim(), '1.5');
    const shownGoals = await page.locator('#v-goals').innerText();
    assert.match(shownGoals, /×4/);
    assert.match(shownGoals, /×2/);
    assert.ok(await page.locator('#score table.breakdown').isVisible(), 'the score breakdown is shown');
    await page.screenshot({ path: path.join(OUT, 'browser-feature.png'), fullPage: true });
    const f = await apiGet(`/api/v1/features/${featureId}`);
    assert.deepEqual(f.goals, [{ goal_id: goalIds[0], weight: 4 }, { goal_id: goalIds[1], weight: 2 }]);
    assert.equal(f.effort_eng, 5);
    assert.equal(f.confidence, 0.9);
  });

  step('sets the capacity of a period', async () => {
    await page.goto(`${base}/capacity/new`);
    await page.fill('#f-period', CAPACITY.period);
    await page.fill('#f-eng', CAPACITY.eng);
    await page.fill('#f-design', CAPACITY.design);
    await page.fill('#f-mkt', CAPACITY.mkt);
    const resp = await submit(page.locator('form.edit button[type="submit"]'), '/capacity');
    assert.ok([302, 303].includes(resp.status()), `saving the capacity answered ${resp.status()}`);
    assert.match(new URL(page.url()).pathname, /^\/capacity\/\d+$/);
    assert.equal((await page.locator('#v-eng').innerText()).trim(), CAPACITY.eng);
  });

  let chosenIds = [];
  step('computes the plan for the period', async () => {
    await page.goto(`${base}/plan?period=${CAPACITY.period}`);
    assert.equal(await page.locator('h1').innerText(), 'Plan');
    const form = page.locator('form.plan-form');
    assert.equal(await form.locator('select[name="period"]').inputValue(), CAPACITY.period);
    assert.equal(await form.locator('input[name="eng"]').inputValue(), CAPACITY.eng, 'the stored capacity is filled in');
    const [computed] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/plan'),
      form.getByRole('button', { name: 'Compute plan' }).click(),
    ]);
    assert.equal(computed.status(), 200, `computing answered ${computed.status()}`);
    await page.waitForLoadState('load');
    assert.ok(await page.locator('#capacity-bars').isVisible(), 'capacity bars are shown');
    assert.equal(await page.locator('#capacity-bars .bar-row').count(), 3, 'one bar per team');
    const rows = page.locator('#chosen tbody tr');
    assert.ok((await rows.count()) > 0, 'some features are chosen');
    assert.match(await page.locator('#optimality').innerText(), /optimal/);
    assert.doesNotMatch(await page.locator('#optimality').innerText(), /not proven/);
    for (const href of await rows.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      chosenIds.push(Number(/\/features\/(\d+)$/.exec(href)[1]));
    // the used person-weeks never exceed the capacity
    for (const t of await page.locator('#capacity-bars .bar-value').allInnerTexts()) {
      const m = /([\d.]+) \/ ([\d.]+)/.exec(t);
      assert.ok(m, `a bar value "${t}"`);
      assert.ok(Number(m[1]) <= Number(m[2]) + 1e-9, `used within capacity: ${t}`);
    }
    await page.screenshot({ path: path.join(OUT, 'browser-plan.png'), fullPage: true });
  });

  step('applies the plan: the chosen features are planned for the period', async () => {
    const apply = page.locator('form.apply button[type="submit"]');
    assert.ok(await apply.isVisible(), 'a PM may apply');
    const resp = await submit(apply, '/plan/apply');
    assert.equal(resp.status(), 200, `applying answered ${resp.status()}`);
    const applied = page.locator('#applied');
    assert.ok(await applied.isVisible(), 'the page says it applied');
    assert.match(await applied.innerText(), new RegExp(`${chosenIds.length} features are planned for ${CAPACITY.period}`));
    for (const id of chosenIds) {
      const f = await apiGet(`/api/v1/features/${id}`);
      assert.equal(f.period, CAPACITY.period, `feature ${id} has the period`);
      assert.ok(['planned', 'in_progress', 'shipped'].includes(f.status), `feature ${id} is planned (${f.status})`);
    }
  });

  step('the features page shows scores and the value/effort chart', async () => {
    await page.goto(`${base}/features`);
    const chart = page.locator('svg.scatter');
    assert.equal(await chart.count(), 1, 'the scatter is drawn');
    assert.ok((await chart.locator('circle').count()) >= 3, 'a point per feature with an effort');
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 150, 'the chart has a visible size');
    assert.ok((await page.locator(`table.list a[href="/features/${featureId}"]`).count()) >= 1, 'the edited feature is listed');
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'browser-features-chart.png'), fullPage: true });
  });

  h.endSteps();
});
