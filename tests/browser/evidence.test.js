// Browser test: in Debian chromium (playwright-core) a PM imports insights from a CSV (upload, preview with the
// proposed mapping, import, the malformed row by line), searches them, links the top result to a planned feature
// from the insight's page, and sees it as the feature's evidence and on the demand page; screenshots of each step.
'use strict';

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Harness, OUT, PASSWORD } = require('./lib');

const h = new Harness('evidence', [18900, 18999, Number(process.env.TANDEM_EVIDENCE_PORT || 18940)]);

// The CSV: 6 rows; the second's text holds a quoted newline (so it spans lines 3-4), the fourth (line 6) has a
// date nobody can read. A header the importer knows no layout for, so it guesses a generic mapping.
const CSV_LINES = [
  'Feedback,Company,Date',
  '"We need Slack alerts the moment a metric moves: Slack is where the team talks, not email",Northwind Traders,2025-03-04',
  '"Exports to Excel time out.',
  'Please make them faster",Globex,2025-03-05',
  'Dashboards load slowly on Mondays,Initech,2025-03-06',
  '"Quarterly report, with a chart",Umbrella,not a date',
  'A daily digest in Slack or by email would do,Hooli,2025-03-07',
  'The mobile app crashes when offline,Hooli,2025-03-08T10:00:00Z',
];
const CSV = CSV_LINES.join('\n') + '\n';
const BAD = { line: 6, date: 'not a date' };
// In two rows of the CSV, and in the title of the demo's planned feature. The older row says it twice, so it ranks
// first though the list's default order (newest first) would put the other on top.
const WORD = 'Slack';
const TOP = { text: CSV_LINES[1].slice(1, CSV_LINES[1].lastIndexOf('"')), account: 'Northwind Traders' };

let page, base, csvPath;

const step = h.step.bind(h), submit = h.submit.bind(h), apiGet = h.apiGet.bind(h);

const squash = (s) => s.replace(/\s+/g, ' ').trim();

describe('evidence in chromium: import a CSV, search, link to a feature, demand', { timeout: 90000 }, () => {
  before(async () => {
    await h.start((tmp) => {
      csvPath = path.join(tmp, 'feedback.csv');
      fs.writeFileSync(csvPath, CSV);
    });
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

  step('uploads a CSV, previews it with the proposed mapping, imports it and sees the bad row by line', async () => {
    await page.goto(`${base}/insights`);
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.waitForURL(`${base}/insights/import`);
    assert.equal(await page.locator('h1').innerText(), 'Import insights from CSV');
    await page.setInputFiles('#imp-file', csvPath);
    await page.selectOption('#imp-format', 'generic');
    const pv = await submit(page.locator('form[action="/insights/import/preview"] button[type="submit"]'), '/insights/import/preview');
    assert.equal(pv.status(), 200, `the preview answered ${pv.status()}`);
    assert.equal(await page.locator('h1').innerText(), 'Preview the import');

    // the header, and one select per column with the guessed field chosen
    const form = page.locator('form[action="/insights/import"]');
    const table = form.locator('table.list');
    assert.deepEqual(await table.locator('thead th[scope="col"]').allTextContents(), ['Feedback', 'Company', 'Date']); // (shown in capitals by the CSS)
    assert.equal(await form.locator('select[name="col0"]').inputValue(), 'text');
    assert.equal(await form.locator('select[name="col1"]').inputValue(), 'account');
    assert.equal(await form.locator('select[name="col2"]').inputValue(), 'observed_at');
    assert.equal(await form.getByLabel('Field for column Feedback').inputValue(), 'text', 'the selects are labelled');

    // the rows, by the physical line each starts on
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 6, 'all six rows are previewed');
    const lines = await rows.locator('td.num').allInnerTexts();
    assert.deepEqual(lines.map((s) => s.trim()), ['2', '3', '5', '6', '7', '8']);
    const first = await rows.nth(0).locator('td').allInnerTexts();
    assert.equal(first[1], TOP.text);
    assert.equal(first[2], 'Northwind Traders');
    assert.equal(first[3], '2025-03-04');
    const second = await rows.nth(1).locator('td').nth(1).innerText();
    assert.match(second, /Exports to Excel time out\.\s+Please make them faster/, 'the quoted newline stays in its cell');
    assert.equal((await rows.nth(3).locator('td').nth(3).innerText()).trim(), BAD.date);
    await page.screenshot({ path: path.join(OUT, 'browser-import-preview.png'), fullPage: true });

    const run = await submit(form.getByRole('button', { name: 'Import' }), '/insights/import');
    assert.equal(run.status(), 200, `the import answered ${run.status()}`);
    assert.equal(await page.locator('h1').innerText(), 'Import result');
    const counts = (await page.locator('ul.counts li').allInnerTexts()).map(squash);
    assert.deepEqual(counts, ['5 imported', '0 unchanged (already here)', '1 skipped', '6 rows read as generic']);
    const errors = page.locator('table.list tbody tr');
    assert.equal(await errors.count(), 1, 'one malformed row');
    const [line, why] = await errors.first().locator('td').allInnerTexts();
    assert.equal(line.trim(), String(BAD.line), 'the error names the line the row starts on');
    assert.match(why, new RegExp(`cannot read the date '${BAD.date}'`));
    await page.screenshot({ path: path.join(OUT, 'browser-import.png'), fullPage: true });

    /* the demo holds insights of its own; the imported ones are those from 2025 */
    const all = await apiGet('/api/v1/insights?limit=100&observed_at_to=2025-12-31');
    assert.equal(all.items.length, 5, 'five imported insights in the workspace');
    const multi = all.items.find((i) => i.text.startsWith('Exports to Excel'));
    assert.ok(multi, 'the multi-line row was imported');
    assert.equal(multi.text, 'Exports to Excel time out.\nPlease make them faster');
    assert.equal(multi.observed_at, '2025-03-05');
  });

  let insightId, insightText, insightAccount;
  step('searches the insights and the top result highlights the word', async () => {
    const [resp] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/insights' && r.request().resourceType() === 'document'),
      page.goto(`${base}/insights?q=${encodeURIComponent(WORD)}`),
    ]);
    assert.equal(resp.status(), 200);
    assert.equal(await page.locator('form[role="search"] input[name="q"]').inputValue(), WORD, 'the search box keeps the words');
    const rows = page.locator('table.list tbody tr');
    // the two rows of the CSV, and whatever the demo's own evidence says of it (its objections' proof does)
    const matching = (await apiGet(`/api/v1/insights?q=${encodeURIComponent(WORD)}&limit=200`)).items;
    assert.ok(matching.filter((i) => CSV.includes(i.text.split('\n')[0])).length === 2, `the CSV's two rows mention ${WORD}`);
    assert.equal(await rows.count(), matching.length, `the page lists every insight that mentions ${WORD}`);
    const top = rows.first().locator('td.title a');
    const marks = await top.locator('mark').allInnerTexts();
    assert.equal(marks.length, 2, 'the top result highlights the word where it occurs');
    for (const m of marks) assert.equal(m.toLowerCase(), WORD.toLowerCase(), `only the word is marked (got "${m}")`);
    const href = await top.getAttribute('href');
    const m = /^\/insights\/(\d+)$/.exec(href);
    assert.ok(m, `the result links to an insight (${href})`);
    insightId = Number(m[1]);
    const ins = await apiGet(`/api/v1/insights/${insightId}`);
    insightText = ins.text;
    assert.equal(insightText, TOP.text, 'the best match is first, not the newest');
    const snippet = squash(await top.innerText()).replace(/^…|…$/g, '');
    assert.ok(snippet.length > 20 && TOP.text.includes(snippet), `the snippet "${snippet}" is a part of the text`);
    assert.match(await rows.nth(1).locator('td.title a').innerText(), /daily digest in Slack/);
    // the other rows of the CSV are not found
    assert.doesNotMatch(await page.locator('table.list').innerText(), /Excel|Mondays|offline/);
    await page.screenshot({ path: path.join(OUT, 'browser-search.png'), fullPage: true });
  });

  let feature;
  step("links the insight to a planned feature from the insight's page", async () => {
    const planned = await apiGet('/api/v1/features?status=planned&sort=id&limit=1');
    assert.equal(planned.items.length, 1, 'the demo has a planned feature');
    feature = planned.items[0];
    assert.ok(feature.title.includes(WORD), `the planned feature "${feature.title}" mentions ${WORD}`);
    await page.goto(`${base}/insights/${insightId}`);
    const section = page.locator('#insight-features');
    assert.match(await section.locator('h2').innerText(), /Features it supports\s*0/);
    assert.match(await section.innerText(), /Not linked to any feature yet/);
    const search = section.locator('form[role="search"]');
    await search.getByLabel('Link to feature').fill(WORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/insights/${insightId}` && u.searchParams.get('feature_q') === WORD),
      search.getByRole('button', { name: 'Search features' }).click(),
    ]);
    const hit = page.locator('#feature-results li').filter({ has: page.locator(`a[href="/features/${feature.id}"]`) });
    assert.equal(await hit.count(), 1, 'the planned feature is found');
    const linkForm = hit.locator(`form[action="/features/${feature.id}/evidence"]`);
    assert.equal(await linkForm.locator('input[name="insight_id"]').inputValue(), String(insightId));
    await linkForm.locator('select[name="importance"]').selectOption('3');
    const resp = await submit(linkForm.getByRole('button', { name: 'Link' }), `/features/${feature.id}/evidence`);
    assert.equal(resp.status(), 303, `linking answered ${resp.status()}`);
    const u = new URL(page.url());
    assert.equal(u.pathname, `/insights/${insightId}`);
    assert.equal(u.hash, `#linked-${feature.id}`, 'back at the row of the link made');
    assert.equal(await page.evaluate(() => document.activeElement.id), `linked-${feature.id}`, 'focus is on it');
    assert.match(await section.locator('h2').innerText(), /Features it supports\s*1/);
    const linked = page.locator('#linked-features tbody tr');
    assert.equal(await linked.count(), 1);
    assert.equal(await linked.first().locator('td.title').innerText(), feature.title);
    assert.equal(await linked.first().locator('select[name="importance"]').inputValue(), '3');
    assert.match(await hit.innerText(), /linked/, 'the search result now says linked');
    const ins = await apiGet(`/api/v1/insights/${insightId}`);
    assert.ok(ins.account_id, 'the imported insight has an account');
    insightAccount = (await apiGet(`/api/v1/accounts/${ins.account_id}`)).name;
    assert.equal(insightAccount, TOP.account, 'the account named in the CSV');
  });

  step("the feature's evidence lists the insight with its account", async () => {
    await page.goto(`${base}/features/${feature.id}`);
    const ev = page.locator('#evidence');
    assert.match(await ev.locator('h2').innerText(), /Evidence\s*1/);
    const row = ev.locator(`#evidence-list tr#evidence-${insightId}`);
    assert.equal(await row.count(), 1, 'the insight is listed');
    const cells = row.locator('td');
    assert.equal(squash(await cells.nth(0).locator('a').innerText()), squash(insightText));
    assert.equal(await cells.nth(0).locator('a').getAttribute('href'), `/insights/${insightId}`);
    assert.equal((await cells.nth(1).innerText()).trim(), insightAccount);
    assert.equal(await row.locator('select[name="importance"]').inputValue(), '3');
    assert.equal((await cells.nth(5).innerText()).trim(), (await apiGet(`/api/v1/insights/${insightId}`)).observed_at);
    assert.match(await ev.locator('p.demand-line').innerText(), /from 1 account\b/);
    assert.match(await ev.locator('.demand-bars').innerText(), new RegExp(insightAccount));
    await ev.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'browser-evidence.png'), fullPage: true });
  });

  step('the demand page lists the feature with the account', async () => {
    const resp = await page.goto(`${base}/demand`);
    assert.equal(resp.status(), 200, `/demand answered ${resp.status()}`);
    assert.equal(await page.locator('h1').innerText(), 'Demand concentration');
    const row = page.locator(`#demand-features tr#demand-${feature.id}`);
    assert.equal(await row.count(), 1, 'the planned feature is listed');
    assert.equal(await row.locator('td.title a').innerText(), feature.title);
    assert.equal(await row.locator('td.title a').getAttribute('href'), `/features/${feature.id}#evidence`);
    const cells = await row.locator('td').allInnerTexts();
    assert.equal(cells[3].trim(), insightAccount, 'its top account');
    assert.equal(cells[7].trim(), '1', 'one account');
    assert.match(await page.locator('#demand-overall').innerText(), new RegExp(insightAccount));
    await page.screenshot({ path: path.join(OUT, 'browser-demand.png'), fullPage: true });
  });

  h.endSteps();
});
