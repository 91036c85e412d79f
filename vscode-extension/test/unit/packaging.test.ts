import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');
const script = (name: string) => path.join(root, 'scripts', name);
const hasZip = spawnSync('zip', ['-v']).status === 0;
const temps: string[] = [];
const tempDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
};
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function node(file: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

test('packaging without a built server fails and says to build the server first', () => {
  const out = tempDir('titans-copy-');
  const r = node(script('copy-server.js'), [], { TITANS_SERVER_DIR: path.join(out, 'nothing'), TITANS_SERVER_OUT: path.join(out, 'server') });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /language server is not built.*titans-server\.jar is missing/);
  assert.match(r.stderr, /mvn -q -B -pl server -am package -DskipTests/);
  assert.ok(!fs.existsSync(path.join(out, 'server')));
});

test('the built server jar and its libraries are copied', () => {
  const dir = tempDir('titans-copy-');
  fs.mkdirSync(path.join(dir, 'target/lib'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'target/titans-server.jar'), 'server');
  fs.writeFileSync(path.join(dir, 'target/lib/lsp4j.jar'), 'lib');
  fs.writeFileSync(path.join(dir, 'target/lib/notes.txt'), 'not a jar');
  const r = node(script('copy-server.js'), [], { TITANS_SERVER_DIR: path.join(dir, 'target'), TITANS_SERVER_OUT: path.join(dir, 'server') });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'server/lib')), ['lsp4j.jar']);
  assert.equal(fs.readFileSync(path.join(dir, 'server/titans-server.jar'), 'utf8'), 'server');
});

test('the .vsix check rejects a package without the server', { skip: !hasZip && 'zip is not installed' }, () => {
  const dir = tempDir('titans-vsix-');
  fs.mkdirSync(path.join(dir, 'extension'));
  fs.writeFileSync(path.join(dir, 'extension/package.json'), JSON.stringify({ engines: { vscode: '^1.91.0' } }));
  assert.equal(spawnSync('zip', ['-q', '-r', 'bad.vsix', 'extension'], { cwd: dir }).status, 0);
  const r = node(script('check-vsix.js'), [path.join(dir, 'bad.vsix')], {});
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing extension\/server\/titans-server\.jar/);
  assert.match(r.stderr, /missing extension\/syntaxes\/prune\.tmLanguage\.json/);
});
