// lib.js — what every browser test shares: the server under test on a fresh demo workspace (a free port
// in the test's own range, sanitizer options, its log), Debian chromium with console and load watchers,
// steps that skip after the first failure with a screenshot, form submits and API reads.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'tests', 'out');
const BIN = path.resolve(ROOT, process.env.TANDEM_BIN || 'build/san/tandem');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PASSWORD = 'tandem-demo';

function freePort(p) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

// One browser test's world. name: the prefix of its files in tests/out ("backlog" → browser-backlog-*.png);
// ports: [lo, hi, wanted first].
class Harness {
  constructor(name, ports) {
    this.name = name;
    this.ports = ports;
    this.log = '';
    this.exit = null;
    this.failed = false;
    this.consoleErrors = [];
    this.badLoads = []; // sub-resources (CSS, images, scripts) the server did not deliver
    this.failureShot = path.join(OUT, `browser-${name ? name + '-' : ''}failure.png`);
  }

  async pickPort() {
    const [lo, hi, want] = this.ports;
    for (let i = 0; i <= hi - lo; i++) {
      const p = lo + ((want - lo + i) % (hi - lo + 1));
      if (await freePort(p)) return p;
    }
    throw new Error(`no free port in ${lo}-${hi}`);
  }

  async waitHealthy(ms) {
    const end = Date.now() + ms;
    let last;
    while (Date.now() < end) {
      if (this.exit) throw new Error(`server exited (${this.exit}) before it was healthy:\n${this.log}`);
      try {
        const r = await fetch(`${this.base}/healthz`);
        if (r.ok) return;
        last = `status ${r.status}`;
      } catch (e) {
        last = e.message;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server not healthy after ${ms} ms (${last}):\n${this.log}`);
  }

  // The server on a fresh demo workspace in a temp dir (prepare(tmp) may put files there first), then chromium.
  async start(prepare) {
    assert.ok(fs.existsSync(BIN), `no tandem binary at ${BIN} (build it, or set TANDEM_BIN)`);
    assert.ok(fs.existsSync(CHROMIUM), `no chromium at ${CHROMIUM}`);
    fs.mkdirSync(OUT, { recursive: true });
    fs.rmSync(this.failureShot, { force: true });
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tandem-${this.name || 'browser'}-`));
    if (prepare) prepare(this.tmp);
    this.port = await this.pickPort();
    this.base = `http://127.0.0.1:${this.port}`;
    this.server = spawn(BIN, ['demo', '--db', path.join(this.tmp, 'x.db'), '--port', String(this.port)], {
      cwd: this.tmp,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASAN_OPTIONS: process.env.ASAN_OPTIONS || 'detect_leaks=1', UBSAN_OPTIONS: process.env.UBSAN_OPTIONS || 'print_stacktrace=1' },
    });
    this.server.stdout.on('data', (d) => (this.log += d));
    this.server.stderr.on('data', (d) => (this.log += d));
    this.server.on('exit', (code, sig) => (this.exit = sig || `code ${code}`));
    await this.waitHealthy(15000);
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    this.context = await this.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
    const page = (this.page = await this.context.newPage());
    page.setDefaultTimeout(10000);
    // "Failed to load resource" is the console's echo of a status; statuses are checked where they are expected
    page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && this.consoleErrors.push(`${page.url()}: ${m.text()}`));
    page.on('response', (r) => {
      const u = new URL(r.url());
      // chromium asks for /favicon.ico on its own
      if (r.status() >= 400 && r.request().resourceType() !== 'document' && u.pathname !== '/favicon.ico') this.badLoads.push(`${r.status()} ${u.pathname}`);
    });
    page.on('pageerror', (e) => this.consoleErrors.push(`${page.url()}: ${e.message}`));
    return this;
  }

  async closeBrowser() {
    if (this.browser) await this.browser.close().catch(() => {});
    this.browser = null;
  }

  async stopServer() {
    if (!this.server || this.exit) return;
    const exited = new Promise((r) => this.server.once('exit', r));
    this.server.kill('SIGTERM');
    const t = setTimeout(() => this.server.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }

  async stop() {
    await this.closeBrowser();
    await this.stopServer();
    fs.writeFileSync(path.join(OUT, `browser-${this.name ? this.name + '-' : ''}server.log`), this.log);
    if (this.tmp) fs.rmSync(this.tmp, { recursive: true, force: true });
  }

  // A test that is skipped once an earlier one failed (which then leaves a screenshot).
  step(name, fn, { always = false } = {}) {
    test(name, async (t) => {
      if (this.failed && !always) return t.skip('an earlier step failed');
      try {
        await fn(t);
      } catch (e) {
        this.failed = true;
        if (this.page) await this.page.screenshot({ path: this.failureShot, fullPage: true }).catch(() => {});
        throw e;
      }
    });
  }

  // The steps every browser test ends with, run even after a failure: no console error and no sub-resource the
  // server failed to deliver on any page, then the sanitizer build stopped with nothing reported.
  endSteps() {
    this.step('no console errors (CSP, scripts) and no missing styles, scripts or images on any page', async () => {
      assert.deepEqual(this.consoleErrors, []);
      assert.deepEqual(this.badLoads, []);
    }, { always: true });
    this.step('the sanitizer build stops cleanly with nothing reported', async () => {
      await this.closeBrowser();
      await this.stopServer();
      assert.doesNotMatch(this.log, /ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:/, this.log.slice(-4000));
      assert.ok(/code 0|SIGTERM/.test(this.exit), `server ended with ${this.exit}`);
    }, { always: true });
  }

  // Submits a form by clicking its button and returns the response to the POST (the page then shows its result).
  async submit(button, urlPath) {
    const [resp] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === urlPath),
      button.click(),
    ]);
    await this.page.waitForLoadState('load');
    return resp;
  }

  // Signs in through the sign-in form as a demo user (email) and checks the answer is a redirect.
  async signIn(email) {
    await this.page.goto(`${this.base}/login`);
    await this.page.fill('#email', email);
    await this.page.fill('#password', PASSWORD);
    const resp = await this.submit(this.page.locator('form[action="/login"] button[type="submit"]'), '/login');
    assert.ok([302, 303].includes(resp.status()), `sign-in answered ${resp.status()}`);
  }

  // The JSON of an API GET, with the page's session cookie.
  async apiGet(urlPath) {
    const r = await this.page.request.get(`${this.base}${urlPath}`);
    assert.equal(r.status(), 200, `GET ${urlPath} answered ${r.status()}`);
    return r.json();
  }
}

module.exports = { Harness, OUT, PASSWORD };
