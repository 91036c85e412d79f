import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');
const script = (name: string) => path.join(root, 'scripts', name);
// eslint-disable-next-line @typescript-eslint/no-var-requires
const platforms = require(script('platforms.js')) as {
  TARGETS: Record<string, string>;
  currentTarget(platform?: string, arch?: string): string | undefined;
  isNativesJarFor(name: string, classifier: string): boolean;
};
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

/** A server build folder: titans-server.jar, lib/ and the natives jars named (in natives/ or dist-natives/). */
function serverBuild(natives: string[], distNatives: string[] = []) {
  const dir = tempDir('titans-copy-');
  fs.mkdirSync(path.join(dir, 'target/lib'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'target/titans-server.jar'), 'server');
  fs.writeFileSync(path.join(dir, 'target/lib/lsp4j.jar'), 'lib');
  fs.writeFileSync(path.join(dir, 'target/lib/notes.txt'), 'not a jar');
  for (const [folder, jars] of [['natives', natives], ['dist-natives', distNatives]] as const) {
    fs.mkdirSync(path.join(dir, 'target', folder), { recursive: true });
    jars.forEach((j) => fs.writeFileSync(path.join(dir, 'target', folder, j), j));
  }
  return { dir, env: { TITANS_SERVER_DIR: path.join(dir, 'target'), TITANS_SERVER_OUT: path.join(dir, 'server') } };
}

test('the four targets map to the DJL classifiers of Maven Central natives jars, and the machine to its target', () => {
  assert.deepEqual(platforms.TARGETS, {
    'linux-x64': 'linux-x86_64',
    'linux-arm64': 'linux-aarch64',
    'darwin-arm64': 'osx-aarch64',
    'win32-x64': 'win-x86_64',
  });
  assert.equal(platforms.currentTarget('darwin', 'arm64'), 'darwin-arm64');
  assert.equal(platforms.currentTarget('win32', 'x64'), 'win32-x64');
  assert.equal(platforms.currentTarget('darwin', 'x64'), undefined, 'no Intel Mac natives on Maven Central');
  assert.ok(platforms.isNativesJarFor('pytorch-native-cpu-2.7.1-osx-aarch64.jar', 'osx-aarch64'));
  assert.ok(!platforms.isNativesJarFor('pytorch-native-cpu-2.7.1-linux-aarch64.jar', 'osx-aarch64'));
  assert.ok(!platforms.isNativesJarFor('pytorch-jni-2.7.1-0.36.0.jar', 'linux-x86_64'));
});

test('packaging without a built server fails and says to build the server first', () => {
  const out = tempDir('titans-copy-');
  const r = node(script('copy-server.js'), [], { TITANS_SERVER_DIR: path.join(out, 'nothing'), TITANS_SERVER_OUT: path.join(out, 'server') });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /language server is not built.*titans-server\.jar is missing/);
  assert.match(r.stderr, /mvnw -q -B -pl server -am package -DskipTests/);
  assert.ok(!fs.existsSync(path.join(out, 'server')));
});

test('the server jar, its libraries and the target platform natives alone are copied', () => {
  const { dir, env } = serverBuild(['pytorch-native-cpu-2.7.1-linux-x86_64.jar'], ['pytorch-native-cpu-2.7.1-linux-x86_64.jar', 'pytorch-native-cpu-2.7.1-osx-aarch64.jar', 'pytorch-native-cpu-2.7.1-win-x86_64.jar']);
  const r = node(script('copy-server.js'), ['--target', 'darwin-arm64'], env);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'server/lib')), ['lsp4j.jar']);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'server/natives')), ['pytorch-native-cpu-2.7.1-osx-aarch64.jar']);
  assert.equal(fs.readFileSync(path.join(dir, 'server/titans-server.jar'), 'utf8'), 'server');
  // a second target replaces the first one's natives
  assert.equal(node(script('copy-server.js'), ['--target=win32-x64'], env).status, 0);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'server/natives')), ['pytorch-native-cpu-2.7.1-win-x86_64.jar']);
});

test('a target whose natives were not built, or an unknown target, is refused with what to do', () => {
  const { env } = serverBuild(['pytorch-native-cpu-2.7.1-linux-x86_64.jar']);
  const missing = node(script('copy-server.js'), ['--target', 'linux-arm64'], env);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /Cannot package for linux-arm64: the PyTorch CPU natives for linux-aarch64 are not in/);
  assert.match(missing.stderr, /-Pdist/);
  const unknown = node(script('copy-server.js'), ['--target', 'darwin-x64'], env);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /Unknown target "darwin-x64"; the targets are linux-x64, linux-arm64, darwin-arm64, win32-x64/);
});

test('the .vsix check fails when no package was built (it never passes on nothing)', () => {
  const r = node(script('check-vsix.js'), [], { TITANS_VSIX_DIR: tempDir('titans-novsix-') });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /tiny-titans-linux-x64\.vsix, tiny-titans-linux-arm64\.vsix, tiny-titans-darwin-arm64\.vsix, tiny-titans-win32-x64\.vsix not built/);
});

/** zips `extension/` (and a vsixmanifest for `declared`) in dir into name. */
function zipVsix(dir: string, name: string, declared: string) {
  fs.writeFileSync(path.join(dir, 'extension.vsixmanifest'), `<Identity Id="tiny-titans" TargetPlatform="${declared}"/>`);
  assert.equal(spawnSync('zip', ['-q', '-r', name, 'extension', 'extension.vsixmanifest'], { cwd: dir }).status, 0);
  return path.join(dir, name);
}

test('the .vsix check rejects a package without the server', { skip: !hasZip && 'zip is not installed' }, () => {
  const dir = tempDir('titans-vsix-');
  fs.mkdirSync(path.join(dir, 'extension'));
  fs.writeFileSync(path.join(dir, 'extension/package.json'), JSON.stringify({ engines: { vscode: '^1.91.0' } }));
  const r = node(script('check-vsix.js'), [zipVsix(dir, 'tiny-titans-linux-x64.vsix', 'linux-x64')], {});
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing extension\/server\/titans-server\.jar/);
  assert.match(r.stderr, /missing extension\/syntaxes\/prune\.tmLanguage\.json/);
  assert.match(r.stderr, /must hold the linux-x86_64 CPU natives jar alone; it holds: nothing/);
});

test('the .vsix check rejects another platform natives, a natives jar in lib/ and a wrong target', { skip: !hasZip && 'zip is not installed' }, () => {
  const dir = tempDir('titans-vsix-');
  // a natives jar as Maven Central's is laid out, but Linux's, in a package named for macOS
  const jarDir = path.join(dir, 'jar');
  fs.mkdirSync(path.join(jarDir, 'pytorch/cpu/linux-x86_64'), { recursive: true });
  fs.writeFileSync(path.join(jarDir, 'pytorch/cpu/linux-x86_64/libtorch.so'), 'elf');
  fs.mkdirSync(path.join(dir, 'extension/server/natives'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'extension/server/lib'), { recursive: true });
  const wrong = path.join(dir, 'extension/server/natives/pytorch-native-cpu-2.7.1-osx-aarch64.jar');
  assert.equal(spawnSync('zip', ['-q', '-r', wrong, 'pytorch'], { cwd: jarDir }).status, 0);
  fs.copyFileSync(wrong, path.join(dir, 'extension/server/lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar'));
  fs.writeFileSync(path.join(dir, 'extension/package.json'), JSON.stringify({ engines: { vscode: '^1.91.0' } }));
  const r = node(script('check-vsix.js'), [zipVsix(dir, 'tiny-titans-darwin-arm64.vsix', 'linux-x64')], {});
  assert.equal(r.status, 1);
  assert.match(r.stderr, /declares TargetPlatform linux-x64, not darwin-arm64/);
  assert.match(r.stderr, /a natives jar outside server\/natives\/: extension\/server\/lib\/pytorch-native-cpu-2\.7\.1-linux-x86_64\.jar/);
  assert.match(r.stderr, /holds another platform's libraries: pytorch\/cpu\/linux-x86_64\/libtorch\.so/);
  assert.match(r.stderr, /lacks pytorch\/cpu\/osx-aarch64\/libtorch\.dylib/);
});
