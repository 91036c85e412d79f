#!/usr/bin/env node
// npm run package [-- --target <t>]: a platform-specific .vsix, tiny-titans-<t>.vsix, for one of linux-x64,
// linux-arm64, darwin-arm64, win32-x64 (default: this machine's), carrying the language server with that
// platform's PyTorch CPU natives only (VS Code installs the .vsix whose target matches the machine).
// npm run package:all (--all): the four, one after the other.
const { spawnSync } = require('child_process');
const path = require('path');
const { TARGETS, vsixName } = require('./platforms');
const { PackagingError, targetFrom, copyServer, serverDirs } = require('./copy-server');

const root = path.resolve(__dirname, '..');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function packageFor(target) {
  const { from, to } = serverDirs();
  const copied = copyServer(from, to, target);
  console.log(`${target}: server with ${copied.jars} libraries and natives/${copied.natives}`);
  const args = ['package', '--target', target, '--skip-license', '--allow-missing-repository', '-o', vsixName(target)];
  const r = spawnSync(process.execPath, [vsce, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new PackagingError(`vsce package --target ${target} failed (exit ${r.status ?? r.signal})`);
}

try {
  const argv = process.argv.slice(2);
  const targets = argv.includes('--all') ? Object.keys(TARGETS) : [targetFrom(argv)];
  targets.forEach(packageFor);
} catch (e) {
  if (!(e instanceof PackagingError)) throw e;
  console.error(e.message);
  process.exit(1);
}
