// Browser test: a form never drops what it did not change. In Debian chromium a PM edits one field of a launch
// (one that announces the feature with its own id), a release and a feature through their edit forms; every other
// field and link of each object is what it was (regression: editing a launch dropped a linked feature).
'use strict';

const { describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { Harness } = require('./lib');

const h = new Harness('forms', [19500, 19599, Number(process.env.TANDEM_FORMS_PORT || 19540)]);
const step = h.step.bind(h), submit = h.submit.bind(h), apiGet = h.apiGet.bind(h);

let page, base;

// The object without what an edit always changes, and without the field that was edited.
function rest(o, edited) {
  const c = { ...o };
  for (const k of ['updated_at', 'version', edited, 'readiness']) delete c[k];
  return c;
}

// Opens /<kind>/<id>/edit, fills one input, saves, and checks the rest of the object is unchanged.
async function editOne(kind, id, field, value) {
  const before = await apiGet(`/api/v1/${kind}/${id}`);
  await page.goto(`${base}/${kind}/${id}/edit`);
  await page.fill(`#f-${field}`, value);
  const resp = await submit(page.locator('form.edit button[type="submit"]'), `/${kind}/${id}`);
  assert.equal(resp.status(), 303, `saving ${kind} ${id} answered ${resp.status()}`);
  const after = await apiGet(`/api/v1/${kind}/${id}`);
  assert.equal(after[field], value, `${field} was saved`);
  assert.equal(after.version, before.version + 1, 'one new version');
  assert.deepEqual(rest(after, field), rest(before, field), `${kind} ${id}: nothing else changed`);
}

describe('edit forms keep what they did not change', { timeout: 120000 }, () => {
  before(async () => {
    await h.start();
    ({ page, base } = h);
  });

  after(() => h.stop());

  step('signs in as the PM', () => h.signIn('pm@demo.tandem'));

  step('regression: editing a launch keeps the feature with the launch\'s own id', async () => {
    const launches = (await apiGet('/api/v1/launches?limit=500')).items;
    const own = launches.filter((l) => l.feature_ids.includes(l.id));
    assert.ok(own.length > 0, 'the demo has a launch announcing the feature with its own id');
    for (const l of own) await editOne('launches', l.id, 'summary', `Summary edited in the browser for launch ${l.id}`);
  });

  step('editing a release changes only its name', async () => {
    const r = (await apiGet('/api/v1/releases?limit=1')).items[0];
    await editOne('releases', r.id, 'name', `${r.name} (renamed)`);
  });

  step('editing a feature keeps its goals, personas, dependencies and everything else', async () => {
    const fs = (await apiGet('/api/v1/features?limit=500')).items;
    const f = fs.find((x) => x.goals.length && x.persona_ids.length && x.depends_on.length) ||
      fs.find((x) => x.goals.length && x.depends_on.length);
    assert.ok(f, 'the demo has a feature with goals and dependencies');
    await editOne('features', f.id, 'title', `${f.title} (edited)`);
  });

  step('editing an open decision keeps its options, evidence and owner', async () => {
    const d = (await apiGet('/api/v1/decisions?status=open')).items.find((x) => x.options.length && x.insight_ids.length);
    assert.ok(d, 'the demo has an open decision with options and evidence');
    await editOne('decisions', d.id, 'context', `${d.context} (edited in the browser)`);
  });

  step('editing a win keeps whom it thanks and where it came from', async () => {
    const w = (await apiGet('/api/v1/wins')).items.find((x) => x.thanks.length);
    assert.ok(w, 'the demo has a win that thanks someone');
    await editOne('wins', w.id, 'note', 'Told at the all-hands.');
  });

  step('editing your review request keeps its reviewer, object and state (as the PMM)', async () => {
    await h.context.clearCookies();
    await h.signIn('pmm@demo.tandem');
    const me = (await apiGet('/api/v1/session')).user.id;
    const r = (await apiGet('/api/v1/reviews')).items.find((x) => x.requested_by === me);
    assert.ok(r, 'the demo has a review the PMM asked for');
    await editOne('reviews', r.id, 'note', 'Look at the proof points first.');
  });

  step('editing your comment keeps its thread, object and mentions', async () => {
    const me = (await apiGet('/api/v1/session')).user.id;
    const c = (await apiGet('/api/v1/comments')).items.find((x) => x.author === me);
    assert.ok(c, 'the demo has a comment by the PMM');
    await editOne('comments', c.id, 'body', `${c.body} (edited)`);
  });
});
