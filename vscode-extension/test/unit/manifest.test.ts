import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ServerCommands, ClientCommands, JOB_RUNNING_CONTEXT } from '../../src/commands/constants';
import { RESTART_SETTINGS, FEATURES } from '../../src/settings/serverSettings';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

test('every command the code knows is contributed, and every menu entry names a contributed command', () => {
  const declared: string[] = contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual([...declared], [...Object.values(ServerCommands), ...Object.values(ClientCommands)].sort());
  for (const [menu, entries] of Object.entries(contributes.menus) as [string, { command: string }[]][]) {
    for (const e of entries) {
      assert.ok(declared.includes(e.command), `${menu} names unknown command ${e.command}`);
    }
  }
  const cancel = contributes.menus['editor/title'].find((e: { command: string }) => e.command === ServerCommands.cancel);
  assert.match(cancel.when, new RegExp(JOB_RUNNING_CONTEXT.replace('.', '\\.')));
});

test('every setting the client or the server reads is declared', () => {
  const declared = Object.keys(contributes.configuration.properties);
  const read = [
    ...RESTART_SETTINGS,
    'titans.trace.server',
    'titans.runOnSave',
    'titans.target',
    'titans.region',
    'titans.jobJavaOptions',
    ...FEATURES.map((f) => `titans.features.${f}`),
  ];
  assert.deepEqual(read.filter((k) => !declared.includes(k)), []);
  assert.deepEqual(contributes.configuration.properties['titans.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('the language, grammar, snippets and icon files exist', () => {
  const lang = contributes.languages[0];
  assert.equal(lang.id, 'prune');
  assert.deepEqual(lang.extensions, ['.prune']);
  for (const f of [lang.configuration, lang.icon.light, lang.icon.dark, contributes.grammars[0].path, contributes.snippets[0].path]) {
    assert.ok(fs.existsSync(path.join(root, f)), `${f} is missing`);
  }
  JSON.parse(fs.readFileSync(path.join(root, lang.configuration), 'utf8'));
  JSON.parse(fs.readFileSync(path.join(root, contributes.snippets[0].path), 'utf8'));
});

test('engines.vscode matches the pinned @types/vscode and vscode-languageclient needs no newer VS Code', () => {
  assert.equal(pkg.engines.vscode, '^1.91.0');
  assert.equal(pkg.devDependencies['@types/vscode'], '1.91.0');
  const lc = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/vscode-languageclient/package.json'), 'utf8'));
  assert.equal(lc.engines.vscode, '^1.91.0');
  for (const deps of [pkg.dependencies, pkg.devDependencies]) {
    for (const [name, version] of Object.entries(deps)) {
      assert.match(String(version), /^\d+\.\d+\.\d+$/, `${name} must be pinned exactly`);
    }
  }
});
