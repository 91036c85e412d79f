import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { installFakeVscode, FakeVscode } from '../support/fakeVscode';
import type { ClientFactoryOptions } from '../../src/client/clientTypes';

const fake0 = installFakeVscode();
// Loaded after the hook, so activation.ts sees the fake `vscode` module.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { activateWith } = require('../../src/activation') as typeof import('../../src/activation');

const JAR = '/ext/server/titans-server.jar';
const ALL_FEATURES = { diagnostics: true, completion: true, hover: true, inlayHints: true, codeLens: true, estimates: true, formatting: true };

/** A fake language client recording its life and what it is sent; `requests` answers requests by method. */
function fakeClient(options: ClientFactoryOptions, requests: Record<string, () => Promise<unknown>> = {}) {
  const handlers = new Map<string, (p: unknown) => void>();
  const c = {
    options,
    started: false,
    stopped: false,
    notifications: [] as { method: string; params: unknown }[],
    handlers,
    start: async () => void (c.started = true),
    stop: async () => void (c.stopped = true),
    sendNotification: async (method: string, params?: unknown) => void c.notifications.push({ method, params }),
    // as vscode-languageclient rejects a request the server does not handle
    sendRequest: async <R>(method: string) =>
      (requests[method] ?? (() => Promise.reject(new Error(`Unhandled method ${method}`))))() as Promise<R>,
    onNotification: (method: string, h: (p: unknown) => void) => {
      handlers.set(method, h);
      return { dispose: () => handlers.delete(method) };
    },
  };
  return c;
}

/** Activates against the fake editor and a fake machine with the given files and `java -version` output. */
async function activate(
  fake: FakeVscode,
  files: string[],
  javaVersion = 'openjdk version "17.0.15"',
  env: Record<string, string> = { PATH: '/usr/bin' },
  requests: Record<string, () => Promise<unknown>> = {},
) {
  const clients: ReturnType<typeof fakeClient>[] = [];
  const context = { subscriptions: [] as { dispose(): void }[], extensionPath: '/ext' };
  const ext = await activateWith(context as never, {
    env,
    platform: 'linux',
    isFile: (p) => files.includes(p),
    javaVersion: async () => javaVersion,
    createClient: (o) => {
      const c = fakeClient(o, requests);
      clients.push(c);
      return c;
    },
  });
  return { ext, clients, context };
}

const settle = () => new Promise((r) => setImmediate(r));

test('without Java: a clear error whose button opens the titans.java.home setting; no server starts', async () => {
  const fake = fake0;
  fake.state.answer = 'Open Settings';
  const { clients } = await activate(fake, [JAR]);
  assert.equal(clients.length, 0);
  assert.equal(fake.messages[0].level, 'error');
  assert.match(fake.messages[0].text, /needs Java 17 or newer/);
  assert.deepEqual(fake.messages[0].items, ['Open Settings']);
  assert.deepEqual(fake.executed.find((e) => e.command === 'workbench.action.openSettings')?.args, ['titans.java.home']);
});

test('with Java on PATH: the bundled server starts with the VM arguments and the settings', async () => {
  const fake = installFakeVscode();
  fake.settings.set('titans.server.vmargs', '-Xmx256m -Dx="a b"');
  fake.settings.set('titans.runOnSave', true);
  fake.settings.set('titans.region', 'BRA');
  const { clients, ext } = await activate(fake, ['/usr/bin/java', JAR]);
  assert.equal(clients.length, 1);
  const c = clients[0];
  assert.ok(c.started);
  assert.equal(ext.client(), c);
  assert.deepEqual(c.options.launch, { command: '/usr/bin/java', args: ['-Xmx256m', '-Dx=a b', '-jar', JAR] });
  assert.equal(c.options.cwd, '/ws');
  assert.deepEqual(c.options.initializationOptions, {
    titans: { runOnSave: true, defaultTarget: 'cpu', carbonRegion: 'BRA', jobJavaOptions: [], features: ALL_FEATURES },
  });
  assert.deepEqual([...fake.registered.keys()].sort(), ['titans.checkWorkspace', 'titans.restartServer', 'titans.showOutput', 'titans.showRuntime']);
  assert.equal(fake.messages.length, 0);
});

test('the server is started with its class-data archive from the extension storage, mapped once the server made it', async () => {
  const launches: string[][] = [];
  const start = async (files: string[]) => {
    installFakeVscode();
    const context = { subscriptions: [] as { dispose(): void }[], extensionPath: '/ext', globalStorageUri: { fsPath: '/store' } };
    await activateWith(context as never, {
      env: { PATH: '/usr/bin' },
      platform: 'linux',
      isFile: (p) => files.includes(p),
      javaVersion: async () => 'openjdk version "17.0.15"',
      fileStamp: (p) => (p === JAR ? '1234:5678' : undefined),
      createClient: (o) => {
        launches.push(o.launch.args);
        return fakeClient(o);
      },
    });
  };
  await start(['/usr/bin/java', JAR]);
  const named = launches[0].find((a) => a.startsWith('-Dtitans.cds.archive='))?.slice('-Dtitans.cds.archive='.length);
  assert.ok(named && /^\/store\/titans-server-[0-9a-f]{16}\.jsa$/.test(named), launches[0].join(' '));
  assert.ok(!launches[0].some((a) => a.startsWith('-XX:SharedArchiveFile')), 'no archive is mapped before it exists');
  await start(['/usr/bin/java', JAR, named]);
  assert.deepEqual(launches[1].slice(0, 2), [`-XX:SharedArchiveFile=${named}`, '-Xlog:disable']);
  assert.deepEqual(launches[1].slice(-2), ['-jar', JAR]);
});

test('an untrusted workspace never asks the server to run on save', async () => {
  const fake = installFakeVscode();
  fake.state.trusted = false;
  fake.settings.set('titans.runOnSave', true);
  const { clients } = await activate(fake, ['/usr/bin/java', JAR]);
  assert.equal((clients[0].options.initializationOptions as any).titans.runOnSave, false);
});

test('Java 11 is refused with the version in the message', async () => {
  const fake = installFakeVscode();
  const { clients } = await activate(fake, ['/usr/bin/java', JAR], 'openjdk version "11.0.20"');
  assert.equal(clients.length, 0);
  assert.match(fake.messages[0].text, /Java 11.*Java 17 or newer/);
});

test('a server setting change is pushed; a java.home change restarts the server with the new Java', async () => {
  const fake = installFakeVscode();
  const { clients } = await activate(fake, ['/usr/bin/java', '/jdk21/bin/java', JAR]);
  fake.changeSettings({ 'titans.target': 'gpu' });
  await settle();
  assert.deepEqual(clients[0].notifications, [
    {
      method: 'workspace/didChangeConfiguration',
      params: { settings: { titans: { runOnSave: true, defaultTarget: 'gpu', jobJavaOptions: [], features: ALL_FEATURES } } },
    },
  ]);
  fake.changeSettings({ 'titans.java.home': '/jdk21' });
  await settle();
  await settle();
  assert.ok(clients[0].stopped);
  assert.equal(clients.length, 2);
  assert.equal(clients[1].options.launch.command, '/jdk21/bin/java');
});

test('progress and titans/jobStatus reach the status bar and the Cancel button context', async () => {
  const fake = installFakeVscode();
  const { clients } = await activate(fake, ['/usr/bin/java', JAR]);
  const forwarded: unknown[] = [];
  clients[0].options.middleware.handleWorkDoneProgress('tok', { kind: 'begin', title: 'Pruning resnet20' }, (_t, p) => forwarded.push(p));
  const item = fake.statusItems[0];
  assert.equal(forwarded.length, 1, 'the built-in progress UI still gets the value');
  assert.equal(item.text, '$(sync~spin) Pruning resnet20');
  assert.ok(item.visible);
  assert.equal(item.command, 'titans.cancel');
  assert.deepEqual(fake.executed.find((e) => e.command === 'setContext')?.args, ['titans.jobRunning', true]);
  clients[0].options.middleware.handleWorkDoneProgress('tok', { kind: 'end', message: 'done: FLOPs -38%' }, () => undefined);
  clients[0].handlers.get('titans/jobStatus')!({ uri: 'file:///ws/a.prune', state: 'running', title: 'resnet56_l1' });
  assert.equal(item.text, '$(sync~spin) resnet56_l1');
  clients[0].handlers.get('titans/jobStatus')!({ uri: 'file:///ws/a.prune', state: 'finished', message: 'all expectations met' });
  assert.equal(item.text, '$(check) all expectations met');
  assert.equal(item.command, 'titans.showOutput');
});

test('a server that fails to start is reported with a button to the output', async () => {
  const fake = installFakeVscode();
  const context = { subscriptions: [], extensionPath: '/ext' };
  await activateWith(context as never, {
    env: { PATH: '/usr/bin' },
    platform: 'linux',
    isFile: (p) => ['/usr/bin/java', JAR].includes(p),
    javaVersion: async () => 'openjdk version "17"',
    createClient: (o) => ({ ...fakeClient(o), start: async () => Promise.reject(new Error('exited with code 1')) }),
  });
  assert.match(fake.messages[0].text, /failed to start: exited with code 1/);
  assert.deepEqual(fake.messages[0].items, ['Show Output']);
});

test('the runtime the server reports is the status-bar tooltip, and Show runtime prints the full report', async () => {
  const fake = installFakeVscode();
  const report = 'libtorch 2.7.1 cpu\n  chosen: bundled natives (natives/pytorch-native-cpu-2.7.1-linux-x86_64.jar)\n  CUDA: none';
  let asked = 0;
  await activate(fake, ['/usr/bin/java', JAR], undefined, undefined, {
    'titans/runtime': async () => (asked++, { summary: 'libtorch 2.7.1 cpu (bundled natives) on cpu', text: report }),
  });
  await settle();
  const item = fake.statusItems[1];
  assert.ok(item.visible);
  assert.equal(item.command, 'titans.showRuntime');
  assert.equal(item.tooltip, 'Tiny Titans runtime: libtorch 2.7.1 cpu (bundled natives) on cpu\nClick for the full report');
  await fake.registered.get('titans.showRuntime')!();
  assert.equal(asked, 2, 'the command asks again: the runtime may have changed (a new PYTORCH_LIBRARY_PATH after a restart)');
  assert.deepEqual(fake.channels.get('Tiny Titans Runtime'), [report]);
  assert.ok(fake.executed.some((e) => e.command === '<output.show>' && e.args[0] === 'Tiny Titans Runtime'));
});

test('a server without titans/runtime leaves the reason in the tooltip and the report, not an error', async () => {
  const fake = installFakeVscode();
  await activate(fake, ['/usr/bin/java', JAR]);
  await settle();
  assert.equal(fake.statusItems[1].tooltip, 'Tiny Titans runtime: unknown (Unhandled method titans/runtime)');
  await fake.registered.get('titans.showRuntime')!();
  assert.match(fake.channels.get('Tiny Titans Runtime')!.join('\n'), /did not say which runtime jobs use: Unhandled method titans\/runtime\.\nRun `titans-cli doctor`/);
  assert.equal(fake.messages.length, 0);
});
