// Browser test: working together in Debian chromium. The PMM comments on a launch mentioning the PM; the PM sees
// the unread count in the header and the mention in the inbox, follows its link, asks the PMM for a review and
// escalates a decision; the leader hears of the escalation in the inbox and decides it on the decision page; a goal
// measured at its target becomes a win on the dashboard, and its owner is thanked in the inbox. Screenshots of the
// inboxes, the decision and the dashboard are left in tests/out. Last, the PM chooses on their profile to be mailed
// each mention at once instead of a daily digest, and the API says so.
'use strict';

const { describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { Harness, OUT } = require('./lib');

const h = new Harness('together', [20400, 20499, Number(process.env.TANDEM_TOGETHER_PORT || 20440)]);
const step = h.step.bind(h), submit = h.submit.bind(h);
let page, base, people, launch, decision, goal;

async function signInAs(email) {
  await h.context.clearCookies();
  await h.signIn(email);
}

async function unreadCount() {
  const badge = page.locator('header .inbox-link .unread-count');
  return (await badge.count()) ? Number(await badge.innerText()) : 0;
}

describe('working together in chromium: mention, inbox, review, escalation, decision, win', { timeout: 180000 }, () => {
  before(async () => {
    await h.start();
    ({ page, base } = h);
  });

  after(async () => h.stop());

  step('the PMM comments on a launch, mentioning the PM', async () => {
    await signInAs('pmm@demo.tandem');
    people = Object.fromEntries((await h.apiGet('/api/v1/users')).items.map((u) => [u.email.split('@')[0], u]));
    launch = (await h.apiGet('/api/v1/launches?status=planning')).items[0];
    assert.ok(launch, 'the demo has a launch in planning');
    await page.goto(`${base}/launches/${launch.id}`);
    await page.fill('#comment-body', `@${people.pm.name} can the FAQ say when SSO ships?`);
    const resp = await submit(page.locator('#new-comment button[type="submit"]'), '/comments');
    assert.equal(resp.status(), 303);
    assert.match(await page.locator('#discussion').innerText(), /can the FAQ say when SSO ships\?/);
  });

  step('the PM sees the unread count in the header and the mention in the inbox', async () => {
    await signInAs('pm@demo.tandem');
    const before = await unreadCount();
    assert.ok(before >= 1, `the header counts the unread notifications (${before})`);
    await page.locator('header .inbox-link').click();
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, '/inbox');
    const first = page.locator('#inbox li').first();
    assert.match(await first.innerText(), new RegExp(`${people.pmm.name} mentioned you in a comment on launch ${launch.title}`));
    assert.match(await first.getAttribute('class'), /unread/);
    await page.screenshot({ path: path.join(OUT, 'browser-together-inbox-pm.png'), fullPage: true });
    await first.locator('button', { hasText: 'Mark read' }).click();
    await page.waitForLoadState('load');
    assert.equal(await unreadCount(), before - 1, 'marking it read lowers the count');
    await page.locator('#inbox li').first().locator('a').click();
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, `/launches/${launch.id}`, 'the link leads to the launch');
    assert.match(new URL(page.url()).hash, /^#comment-\d+$/, 'at the comment');
  });

  step('the PM asks the PMM to review the launch', async () => {
    await page.locator('details.review-request summary').click();
    await page.selectOption('details.review-request select[name="reviewer_id"]', String(people.pmm.id));
    await page.fill('details.review-request input[name="note"]', 'Is tier 1 still right?');
    const resp = await submit(page.locator('details.review-request button[type="submit"]'), '/reviews');
    assert.equal(resp.status(), 303);
    assert.match(await page.locator('#reviews').innerText(), new RegExp(`${people.pmm.name}\\s+asked by ${people.pm.name}`));
    const n = await page.request.get(`${base}/api/v1/reviews?on_kind=launches&on_id=${launch.id}&state=requested`);
    assert.ok((await n.json()).items.some((r) => r.reviewer_id === people.pmm.id));
  });

  step('the PM escalates an open decision to the leaders', async () => {
    decision = (await h.apiGet('/api/v1/decisions?status=open')).items[0];
    assert.ok(decision, 'the demo has an open decision');
    await page.goto(`${base}/decisions/${decision.id}`);
    await page.locator('summary', { hasText: 'Escalate to the leaders' }).click();
    await page.fill('#decision-escalate-reason', 'We disagree on the order; the leaders should arbitrate.');
    const resp = await submit(page.locator('#decision-escalate-form button[type="submit"]'), `/decisions/${decision.id}/escalate`);
    assert.equal(resp.status(), 303);
    assert.equal((await h.apiGet(`/api/v1/decisions/${decision.id}`)).status, 'escalated');
  });

  step('the leader hears of the escalation and decides it on the decision page', async () => {
    await signInAs('leader@demo.tandem');
    assert.ok((await unreadCount()) >= 1);
    await page.goto(`${base}/inbox?unread=true`);
    const item = page.locator('#inbox li', { hasText: 'Escalation' }).first();
    assert.match(await item.innerText(), new RegExp(`${people.pm.name} escalated decision ${decision.title}`));
    await page.screenshot({ path: path.join(OUT, 'browser-together-inbox-leader.png'), fullPage: true });
    await item.locator('a').first().click();
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, `/decisions/${decision.id}`);
    const form = page.locator('#decision-decide-form');
    await form.locator('[name="option"]').selectOption(decision.options[0].title);
    await form.locator('[name="decision"]').fill(`${decision.options[0].title} first.`);
    await form.locator('[name="rationale"]').fill('The evidence from the enterprise accounts weighs more.');
    const resp = await submit(form.locator('button[type="submit"]'), `/decisions/${decision.id}/decide`);
    assert.equal(resp.status(), 303);
    const d = await h.apiGet(`/api/v1/decisions/${decision.id}`);
    assert.equal(d.status, 'decided');
    assert.equal(d.decided_by, people.leader.id);
    await page.screenshot({ path: path.join(OUT, 'browser-together-decision.png'), fullPage: true });
  });

  step('a goal measured at its target is a win on the dashboard, and its owner is thanked', async () => {
    const goals = (await h.apiGet('/api/v1/goals?status=active')).items;
    goal = goals.find((g) => g.pm_owner === people.pm.id && typeof g.target === 'number' &&
      (g.baseline === null || g.baseline <= g.target) && (g.current === null || g.current < g.target));
    assert.ok(goal, 'the demo has an active goal of the PM not met yet');
    await page.goto(`${base}/goals/${goal.id}`);
    const form = page.locator('#measure-form');
    await form.locator('input[name="value"]').fill(String(goal.target));
    const resp = await submit(form.locator('button[type="submit"]'), `/goals/${goal.id}/measurements`);
    assert.equal(resp.status(), 303);
    await page.goto(`${base}/`);
    assert.match(await page.locator('#wins').innerText(), new RegExp(`Goal met: ${goal.title}`));
    await page.screenshot({ path: path.join(OUT, 'browser-together-dashboard.png'), fullPage: true });
    await signInAs('pm@demo.tandem');
    await page.goto(`${base}/inbox?unread=true`);
    const texts = await page.locator('#inbox li').allInnerTexts();
    assert.ok(texts.some((t) => /Win/.test(t) && t.includes(`Goal met: ${goal.title}`)), texts.join('\n'));
    await page.screenshot({ path: path.join(OUT, 'browser-together-inbox-win.png'), fullPage: true });
  });

  step('the PM chooses on their profile to be mailed each mention at once', async () => {
    await page.goto(`${base}/users/${people.pm.id}`);
    const form = page.locator('#mail form');
    assert.equal(await form.locator('select[name="notify"]').inputValue(), 'digest', 'a daily digest by default');
    await form.locator('select[name="notify"]').selectOption('immediate');
    const resp = await submit(form.locator('button[type="submit"]'), `/users/${people.pm.id}/notify`);
    assert.equal(resp.status(), 303);
    assert.match(await page.locator('#done').innerText(), /Mail preference saved/);
    assert.equal(await page.locator('#mail select[name="notify"]').inputValue(), 'immediate');
    assert.equal((await h.apiGet(`/api/v1/users/${people.pm.id}`)).notify, 'immediate');
    await page.screenshot({ path: path.join(OUT, 'browser-together-mail.png'), fullPage: true });
  });

  h.endSteps();
});
