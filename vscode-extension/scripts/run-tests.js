#!/usr/bin/env node
// Runs the compiled unit and grammar tests with node:test. The .vsix content check is its own step
// (npm run test:vsix), after `npm run package:all` has built the packages it checks.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? testFiles(p) : e.name.endsWith('.test.js') ? [p] : [];
  });
}
const files = [...testFiles(path.join(root, 'out/test/unit')), ...testFiles(path.join(root, 'out/test/grammar'))];
const unit = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', cwd: root });
process.exit(unit.status ?? 1);
