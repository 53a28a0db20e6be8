// Browser test: as a PM, then as an admin, crawl every page the navigation and the demo data reach (one detail page per kind of
// address), run axe-core on each and allow no serious or critical violation; tick two launch checklist items and
// check focus comes back to the item ticked; screenshot the roadmap at each zoom and the value/effort chart.
'use strict';

const { describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { Harness, OUT } = require('./lib');

const h = new Harness('pages', [19700, 19799, Number(process.env.TANDEM_BROWSER_PORT || 19740)]);
const step = h.step.bind(h);
const AXE = fs.readFileSync(require.resolve('axe-core'), 'utf8');
const MAX_PAGES = 150;

let page, base;

// Addresses that are files, not pages, or that act (sign out), or that the crawl must not follow.
function crawlable(u) {
  if (u.origin !== base) return false;
  if (/^\/(api|static)\//.test(u.pathname)) return false;
  if (/\.(svg|csv|md|ics|json|png)$/.test(u.pathname)) return false;
  return u.pathname !== '/logout';
}

// One page per shape of address: /goals/3 and /goals/7 are the same page to axe; a query is a different view
// only where its parameter names differ (/roadmap?zoom=… stays, /features?page=2 is one more page of a list).
function shape(u) {
  const names = [...new URL(u).searchParams.keys()].filter((k) => k !== 'page').sort().join('&');
  return new URL(u).pathname.replace(/\/\d+(?=\/|$)/g, '/N') + (names ? `?${names}` : '');
}

// axe on the current page: the serious and critical violations, described one a line.
async function axeSerious() {
  // evaluated through the devtools protocol, so the page's CSP (script-src 'self') does not block it
  await page.evaluate(AXE);
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.ok(res.passes.length > 10, 'axe ran its rules');
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

describe('every page passes axe; forms give focus back', () => {
  before(async () => {
    await h.start();
    page = h.page;
    base = h.base;
  });
  after(() => h.stop());

  step('signs in as the PM', async () => {
    await h.signIn('pm@demo.tandem');
    assert.equal(new URL(page.url()).pathname, '/');
  });

  // Every page reached from / (and the roadmap's zooms), one per shape of address, axe on each: the admin's pages
  // hold more (the people forms, edit buttons), so each role's crawl checks every page it reaches.
  async function crawl(t) {
    const checked = new Set();
    const seen = new Set(), queue = [`${base}/`], problems = [], visited = [];
    // the views a link does not name on its own: every roadmap zoom
    for (const z of ['quarter', 'half', 'year']) queue.push(`${base}/roadmap?zoom=${z}`);
    while (queue.length && seen.size < MAX_PAGES) {
      const url = queue.shift(), key = shape(url);
      if (seen.has(key)) continue;
      seen.add(key);
      const resp = await page.goto(url);
      if (!resp || !(resp.headers()['content-type'] || '').startsWith('text/html')) continue;
      assert.ok(resp.status() < 500, `${url} answered ${resp.status()}`);
      if (!checked.has(key)) {
        checked.add(key);
        visited.push(`${resp.status()} ${key}`);
        for (const line of await axeSerious()) problems.push(`${new URL(url).pathname}${new URL(url).search}: ${line}`);
      }
      const links = await page.$$eval('a[href]', (as) =>
        as.filter((a) => !a.hasAttribute('download')).map((a) => new URL(a.getAttribute('href'), location.href).href));
      for (const l of links) {
        const u = new URL(l);
        u.hash = '';
        if (crawlable(u) && !seen.has(shape(u.href))) queue.push(u.href);
      }
    }
    t.diagnostic(`${visited.length} pages checked: ${visited.join(', ')}`);
    assert.deepEqual(problems, []);
    return seen;
  }

  step('every page reached from the navigation and the demo data has no serious axe violation', async (t) => {
    const seen = await crawl(t);
    for (const must of ['/', '/activity', '/goals', '/goals/N', '/features', '/features/N', '/insights', '/insights/N',
      '/accounts', '/personas', '/segments', '/competitors', '/releases', '/releases/N', '/launches', '/launches/N',
      '/roadmap?zoom', '/calendar', '/alignment', '/plan', '/triage', '/demand', '/strategy', '/share-links', '/inbox'])
      assert.ok(seen.has(must), `the crawl reached ${must}`);
  });

  step('as an admin, every page it reaches passes too (the people forms, strategy edit, settings)', async (t) => {
    await h.context.clearCookies();
    await h.signIn('admin@demo.tandem');
    const seen = await crawl(t);
    for (const must of ['/users', '/users/N', '/strategy/edit'])
      assert.ok(seen.has(must), `the admin's crawl reached ${must}`);
    await h.context.clearCookies();
    await h.signIn('pm@demo.tandem');
  });

  step('ticking checklist items brings focus back to the item ticked', async () => {
    await page.goto(`${base}/launches`);
    const hrefs = await page.$$eval('main a[href^="/launches/"]', (as) => as.map((a) => a.getAttribute('href')));
    // the first launch with two items still open
    let launchPath = null;
    for (const p of hrefs.filter((x) => /^\/launches\/\d+$/.test(x))) {
      await page.goto(`${base}${p}`);
      if ((await page.locator('#checklist button.tick:not(.ticked)').count()) >= 2) {
        launchPath = p;
        break;
      }
    }
    assert.ok(launchPath, 'a launch of the demo has two checklist items open');
    for (let n = 0; n < 2; n++) {
      const tick = page.locator('#checklist form[action$="/tick"]:has(button.tick:not(.ticked))').first();
      const action = await tick.getAttribute('action');
      const item = action.match(/\/launch-checklist\/(\d+)\/tick$/)[1];
      const resp = await h.submit(tick.locator('button[type="submit"]'), action);
      assert.equal(resp.status(), 303, `ticking answered ${resp.status()}`);
      const u = new URL(page.url());
      assert.equal(u.pathname, launchPath, 'back on the launch');
      assert.equal(u.hash, `#item-${item}`, 'at the item ticked');
      assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), `item-${item}`,
        'focus is on the item ticked');
      assert.equal(await page.locator(`#item-${item} button.tick.ticked`).count(), 1, 'it shows ticked');
      assert.match(await page.locator('#saved').innerText(), /Ticked/, 'the page says so');
      // the next Tab goes on from the item, not from the top of the page
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate((id) => document.getElementById(id).contains(document.activeElement), `item-${item}`), true,
        'Tab moves within the item ticked');
    }
  });

  step('screenshots: the roadmap at each zoom and the value/effort chart', async () => {
    for (const z of ['quarter', 'half', 'year']) {
      await page.goto(`${base}/roadmap?zoom=${z}`);
      assert.equal(await page.locator(`.rm-zoom a[aria-current="true"]`).innerText(), z[0].toUpperCase() + z.slice(1));
      await page.screenshot({ path: path.join(OUT, `browser-pages-roadmap-${z}.png`), fullPage: true });
    }
    await page.goto(`${base}/features`);
    const chart = page.locator('.scatter-wrap');
    const dots = await chart.locator('svg.scatter circle').count();
    assert.ok(dots >= 5, `the chart has its points (${dots})`);
    assert.equal(await chart.locator('.scatter-key tbody tr').count(), dots, 'the key lists every point');
    // no two labels on the chart overlap, nor a label a dot
    const overlaps = await chart.locator('svg.scatter').evaluate((svg) => {
      const boxes = [...svg.querySelectorAll('text, circle')].map((e) => [e, e.getBoundingClientRect()]);
      const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const out = [];
      for (let i = 0; i < boxes.length; i++)
        for (let k = i + 1; k < boxes.length; k++)
          if ((boxes[i][0].tagName === 'text' || boxes[k][0].tagName === 'text') && hit(boxes[i][1], boxes[k][1]))
            out.push(`${boxes[i][0].textContent.slice(0, 20)} / ${boxes[k][0].textContent.slice(0, 20)}`);
      return out;
    });
    assert.deepEqual(overlaps, []);
    await chart.screenshot({ path: path.join(OUT, 'browser-pages-value-effort.png') });
  });

  h.endSteps();
});
