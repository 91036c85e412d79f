#!/usr/bin/env node
// End-to-end: installs the packaged .vsix into code-server (real VS Code in a browser), opens a .prune file
// in headless Chromium and checks that (1) the grammar colours it, (2) the Java server's diagnostics reach
// the Problems panel, (3) the Tiny Titans commands are in the palette, (4) Estimate from the palette
// reaches the server with the spec's URI and its answer shows. Skips with a clear message (exit 0)
// when code-server, Chromium, puppeteer-core, Java or the .vsix is missing.
//
// Set up once (see docs/vscode.md and shared/reference/test-infrastructure.md §4):
//   apt-get install -y chromium libkrb5-dev ripgrep
//   npm install --prefix "$E2E_DIR" --unsafe-perm --nodedir=/usr code-server@4.100.3 puppeteer-core@25.16.0
// then: E2E_DIR=... npm run test:e2e
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const e2eDir = process.env.E2E_DIR ? path.resolve(process.env.E2E_DIR) : undefined;

function skip(reason) {
  console.log(`e2e skipped: ${reason}`);
  process.exit(0);
}

function findCodeServer() {
  const candidates = [process.env.CODE_SERVER, e2eDir && path.join(e2eDir, 'node_modules/.bin/code-server')];
  const onPath = spawnSync('sh', ['-c', 'command -v code-server'], { encoding: 'utf8' }).stdout.trim();
  return [...candidates, onPath].find((c) => c && fs.existsSync(c));
}

function findPuppeteer() {
  for (const from of [e2eDir, root].filter(Boolean)) {
    try {
      return require(require.resolve('puppeteer-core', { paths: [from] }));
    } catch {
      /* try the next place */
    }
  }
  return undefined;
}

const codeServer = findCodeServer();
const chromium = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((c) => c && fs.existsSync(c));
const puppeteer = findPuppeteer();
const vsix = fs.readdirSync(root).find((f) => f.endsWith('.vsix'));
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (!codeServer) skip('code-server is not installed (set CODE_SERVER or E2E_DIR).');
if (!chromium) skip('Chromium is not installed (apt-get install chromium, or set CHROMIUM).');
if (!puppeteer) skip('puppeteer-core is not installed (npm install --prefix "$E2E_DIR" puppeteer-core@25.16.0).');
if (!vsix) skip('no .vsix in vscode-extension/ (npm run package after building the server).');
if (java.status !== 0) skip('java is not on PATH.');

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const work = fs.mkdtempSync(path.join(process.env.E2E_TMP ?? os.tmpdir(), 'titans-e2e-'));
  const dirs = Object.fromEntries(['ud/User', 'ext', 'ws', 'cfg', 'data', 'tmp', 'chrome'].map((d) => [d, path.join(work, d)]));
  Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
  fs.copyFileSync(path.join(__dirname, 'workspace-spec.prune'), path.join(dirs.ws, 'spec.prune'));
  fs.writeFileSync(
    path.join(dirs['ud/User'], 'settings.json'),
    JSON.stringify({ 'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'update.mode': 'none', 'titans.runOnSave': false }),
  );
  const port = await freePort();
  fs.writeFileSync(path.join(dirs.cfg, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = { ...process.env, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs.cfg, XDG_DATA_HOME: dirs.data, EXTENSIONS_GALLERY: '{}' };
  const common = ['--config', path.join(dirs.cfg, 'config.yaml'), '--user-data-dir', path.join(work, 'ud'), '--extensions-dir', dirs.ext];

  const install = spawnSync(codeServer, [...common, '--install-extension', path.join(root, vsix)], { env, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}${install.stderr}`);

  // detached: code-server, its extension hosts and our Java server form one process group, stopped together.
  const log = fs.openSync(path.join(work, 'code-server.log'), 'w');
  const server = spawn(codeServer, [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', dirs.ws], {
    env, stdio: ['ignore', log, log], detached: true,
  });
  const failures = [];
  let browser;
  try {
    for (let i = 0; i < 60; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
      if (ok) break;
      await sleep(500);
    }
    browser = await puppeteer.launch({
      executablePath: chromium, headless: true, defaultViewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync', `--user-data-dir=${dirs.chrome}`],
    });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.ws)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    for (const row of await page.$$('.explorer-folders-view .monaco-list-row')) {
      if ((await row.evaluate((e) => e.textContent)).includes('spec.prune')) await row.click();
    }
    await page.waitForSelector('.editor-instance .monaco-editor .view-line', { timeout: 30000 });

    // (1) the grammar: keywords get a different colour class than plain names.
    await sleep(2000);
    const classes = await page.$$eval('.view-line span span', (els) => els.map((e) => [e.textContent, e.className]));
    const cls = (start) => (classes.find(([t]) => t.trim().startsWith(start)) ?? [])[1];
    const plain = cls('e2e_check');
    if (!cls('experiment') || cls('experiment') === plain || !cls('50') || cls('50') === plain || cls('#') === plain) {
      failures.push(`no syntax colouring: ${JSON.stringify(classes.slice(0, 16))}`);
    }

    // (2) diagnostics from the Java server in the Problems panel.
    let problems = [];
    await page.keyboard.down('Control'); await page.keyboard.down('Shift'); await page.keyboard.press('KeyM');
    await page.keyboard.up('Shift'); await page.keyboard.up('Control');
    for (let i = 0; i < 60 && problems.length < 2; i++) {
      await sleep(1000);
      problems = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ')));
    }
    console.log('Problems panel:', problems);
    if (!problems.some((p) => /no-such-criterion|criterion/i.test(p))) failures.push('the unknown criterion was not reported in the Problems panel');

    // (3) the commands are in the palette.
    await page.keyboard.press('F1');
    await page.keyboard.type('Tiny Titans');
    await sleep(1500);
    const commands = await page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ')));
    console.log('Palette:', commands);
    for (const c of ['Run Experiment', 'Estimate Experiment', 'Open Report', 'Check All Specs in Workspace']) {
      if (!commands.some((x) => x.includes(c))) failures.push(`"${c}" is not in the palette`);
    }

    // (4) Estimate from the palette: the middleware supplies the spec's URI, the server answers with a message.
    await page.keyboard.type(': Estimate');
    await sleep(800);
    await page.keyboard.press('Enter');
    let toasts = [];
    for (let i = 0; i < 20 && !toasts.some((t) => t.includes('e2e_check')); i++) {
      await sleep(500);
      toasts = await page.$$eval('.notifications-toasts .notification-list-item-message', (els) => els.map((e) => e.innerText));
    }
    console.log('Notifications after Estimate:', toasts);
    if (!toasts.some((t) => t.includes('e2e_check') && t.includes('resnet20'))) failures.push('Estimate from the palette showed no estimate for e2e_check');
    if (toasts.some((t) => /not found|failed/i.test(t))) failures.push(`an error notification: ${toasts.join(' | ')}`);
    await page.screenshot({ path: path.join(work, 'e2e.png') });
  } finally {
    if (browser) await browser.close();
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  console.log(`e2e workspace, log and screenshot: ${work}`);
  if (failures.length) {
    console.error(`e2e FAILED:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('e2e passed: grammar colouring, server diagnostics in Problems, commands in the palette, Estimate.');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
