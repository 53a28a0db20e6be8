// Browser test: the documents that carry the strategy to the company, in Debian chromium. The strategy brief renders
// on its A4 sheet with a chart per goal; the all-hands deck at /deck runs under its own Content-Security-Policy with
// nothing fetched but the page, moves with the arrow keys, and printed to PDF gives one page per slide (counted with
// pdfinfo and rendered with pdftoppm, poppler-utils); `tandem deck` writes the same file, which works opened from
// disk; a release's notes page and the public changelog. Screenshots are left in tests/out.
'use strict';

const { describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Harness, OUT } = require('./lib');

const h = new Harness('documents', [20500, 20599, Number(process.env.TANDEM_DOCUMENTS_PORT || 20540)]);
const step = h.step.bind(h);
let page, base;

describe('the strategy brief, the deck, release notes and the changelog in chromium', { timeout: 180000 }, () => {
  before(async () => {
    await h.start();
    ({ page, base } = h);
  });

  after(async () => h.stop());

  step('the strategy brief: on its sheet, a chart per goal', async () => {
    await h.signIn('viewer@demo.tandem');
    await page.goto(`${base}/strategy/brief`);
    const goals = (await h.apiGet('/api/v1/goals?limit=100')).items.filter((g) => ['active', 'met'].includes(g.status));
    assert.equal(await page.locator('.sb-goal svg.chart').count(), goals.length);
    assert.match(await page.locator('article.brief-body').innerText(), /The plan[\s\S]*Launches ahead[\s\S]*Recent wins/i);
    await page.screenshot({ path: path.join(OUT, 'browser-documents-strategy-brief.png'), fullPage: true });
  });

  step('the deck at /deck: its own policy lets its inline style and script run; nothing else is fetched', async () => {
    const fetched = [];
    const watch = (r) => fetched.push(r.url());
    page.on('request', watch);
    const resp = await page.goto(`${base}/deck`);
    page.off('request', watch);
    assert.equal(resp.status(), 200);
    assert.match(resp.headers()['content-security-policy'], /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.deepEqual(fetched.filter((u) => !u.startsWith(`${base}/deck`) && !u.endsWith('/favicon.ico')), []);
    assert.equal(await page.locator('.slide.current').count(), 1, 'the script ran: one slide at a time');
    await page.screenshot({ path: path.join(OUT, 'browser-documents-deck-1.png') });
  });

  step('arrow keys move between slides, End and Home jump', async () => {
    const current = () => page.locator('.slide.current').getAttribute('id');
    assert.equal(await current(), 'slide-1');
    await page.keyboard.press('ArrowRight');
    assert.equal(await current(), 'slide-2');
    await page.screenshot({ path: path.join(OUT, 'browser-documents-deck-goal.png') });
    await page.keyboard.press('ArrowLeft');
    assert.equal(await current(), 'slide-1');
    await page.keyboard.press('End');
    const n = await page.locator('.slide').count();
    assert.equal(await current(), `slide-${n}`);
    await page.keyboard.press('Home');
    assert.equal(await current(), 'slide-1');
    const kinds = await page.locator('.slide .kicker').allInnerTexts();
    for (const k of [/^All hands/i, /^Goal/i, /^The plan$/i, /^The roadmap$/i, /^Launch · tier 1$/i, /^Celebrate$/i])
      assert.ok(kinds.some((t) => k.test(t.trim())), `a slide ${k} among ${kinds.join(' | ')}`);
    await page.goto(`${base}/deck#${kinds.findIndex((t) => /roadmap/i.test(t)) + 1}`);
    await page.reload();
    assert.equal(await page.locator('.slide.current svg.roadmap').count(), 1, 'the roadmap timeline is drawn');
    await page.screenshot({ path: path.join(OUT, 'browser-documents-deck-roadmap.png') });
  });

  step('printed, each slide is one page (pdfinfo counts them, pdftoppm renders them)', async () => {
    await page.goto(`${base}/deck`);
    const slides = await page.locator('.slide').count();
    const pdf = path.join(h.tmp, 'deck.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.equal(Number(/^Pages:\s+(\d+)/m.exec(info)[1]), slides, info);
    execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '2', pdf, path.join(OUT, 'browser-documents-deck-page')]);
    assert.ok(fs.existsSync(path.join(OUT, 'browser-documents-deck-page-01.png')) ||
              fs.existsSync(path.join(OUT, 'browser-documents-deck-page-1.png')), 'pdftoppm rendered the first page');
  });

  step('tandem deck writes the same deck as a file that works from disk, fetching nothing', async () => {
    const file = path.join(h.tmp, 'deck.html');
    const bin = path.resolve(__dirname, '..', '..', process.env.TANDEM_BIN || 'build/san/tandem');
    fs.writeFileSync(file, execFileSync(bin, ['deck', '--db', path.join(h.tmp, 'x.db')]));
    const html = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(html, /<link |src="|href="http/, 'nothing to fetch');
    const fetched = [];
    const watch = (r) => fetched.push(r.url());
    page.on('request', watch);
    await page.goto(`file://${file}`);
    page.off('request', watch);
    assert.deepEqual(fetched.filter((u) => !u.startsWith('file:')), []);
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.slide.current').getAttribute('id'), 'slide-2');
  });

  step('a release\'s notes and the public changelog', async () => {
    await h.context.clearCookies();
    await h.signIn('pmm@demo.tandem');
    const rel = (await h.apiGet('/api/v1/releases?status=shipped')).items[0];
    assert.ok(rel, 'the demo shipped a release');
    await page.goto(`${base}/releases/${rel.id}/notes`);
    assert.match(await page.locator('#notes').innerText(), /Weekly digest email/);
    await page.screenshot({ path: path.join(OUT, 'browser-documents-release-notes.png'), fullPage: true });
    const made = await page.evaluate(async () => {
      const s = await (await fetch('/api/v1/session')).json();
      const r = await fetch('/api/v1/share-links', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf_token },
        body: JSON.stringify({ kind: 'changelog', label: 'Customers' }) });
      return r.json();
    });
    await h.context.clearCookies();
    await page.goto(`${base}${made.path}`);
    assert.match(await page.locator('main').innerText(), /What's new[\s\S]*2026\.4 Monday digest/);
    await page.screenshot({ path: path.join(OUT, 'browser-documents-changelog.png'), fullPage: true });
  });

  h.endSteps();
});
