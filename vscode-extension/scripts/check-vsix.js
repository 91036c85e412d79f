#!/usr/bin/env node
// Checks what a packaged .vsix holds: the manifest, compiled code, grammar, language configuration and the
// bundled language server with its libraries. Skips (exit 0, with a message) when no .vsix was built.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const vsix = process.argv[2] ?? fs.readdirSync(root).filter((f) => f.endsWith('.vsix')).map((f) => path.join(root, f))[0];
if (!vsix) {
  console.log('vsix check skipped: no .vsix in vscode-extension/ (build one with `npm run package` after building the server).');
  process.exit(0);
}
const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
const required = [
  'extension/package.json',
  'extension/out/src/extension.js',
  'extension/syntaxes/prune.tmLanguage.json',
  'extension/language-configuration.json',
  'extension/snippets/prune.json',
  'extension/icons/prune-file.svg',
  'extension/server/titans-server.jar',
  'extension/node_modules/vscode-languageclient/package.json',
];
const missing = required.filter((f) => !listing.includes(f));
const libs = listing.filter((f) => /^extension\/server\/lib\/.+\.jar$/.test(f));
const unwanted = listing.filter((f) => /^extension\/(src|test|out\/test|target)\/|\.ts$|\.map$|node_modules\/(typescript|@vscode\/vsce)\//.test(f));
const manifest = JSON.parse(execFileSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' }));
const problems = [
  ...missing.map((f) => `missing ${f}`),
  ...(libs.length === 0 ? ['no server libraries under extension/server/lib/'] : []),
  ...unwanted.slice(0, 5).map((f) => `should not be packaged: ${f}`),
  ...(manifest.engines?.vscode !== '^1.91.0' ? [`engines.vscode is ${manifest.engines?.vscode}`] : []),
];
if (problems.length > 0) {
  console.error(`vsix check FAILED for ${path.basename(vsix)}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`vsix check passed: ${path.basename(vsix)} holds ${listing.length} files, the server jar and ${libs.length} libraries.`);
