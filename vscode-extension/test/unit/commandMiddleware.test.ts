import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createExecuteCommandMiddleware, createShowDocumentMiddleware, ServerCommandHost } from '../../src/commands/serverCommandMiddleware';

const SPEC = 'file:///ws/resnet.prune';

/** A host with an active spec editor, recording what the middleware shows and sends. */
function host(over: Partial<ServerCommandHost> = {}) {
  const shown: string[] = [];
  const opened: string[] = [];
  const infos: string[] = [];
  const sent: { command: string; args: unknown[] }[] = [];
  const h: ServerCommandHost = {
    activePruneUri: () => SPEC,
    lastJobUri: () => undefined,
    isTrusted: () => true,
    showReport: (p) => void shown.push(p),
    openFile: (p) => void opened.push(p),
    showInfo: (m) => void infos.push(m),
    ...over,
  };
  const reply = { value: undefined as unknown };
  const next = async (command: string, args: unknown[]) => {
    sent.push({ command, args });
    return reply.value;
  };
  return { run: createExecuteCommandMiddleware(h), next, shown, opened, infos, sent, reply };
}

test('a code lens argument (the URI string) is sent unchanged', async () => {
  const h = host();
  await h.run('titans.estimate', ['file:///other.prune'], h.next);
  assert.deepEqual(h.sent, [{ command: 'titans.estimate', args: ['file:///other.prune'] }]);
});

test('from the palette the active spec is used; from the editor title the Uri becomes a string', async () => {
  const h = host();
  await h.run('titans.run', [], h.next);
  await h.run('titans.run', [{ scheme: 'file', toString: () => 'file:///ws/b.prune' }], h.next);
  assert.deepEqual(h.sent.map((s) => s.args), [[SPEC], ['file:///ws/b.prune']]);
});

test('cancel falls back to the last job when no spec is active', async () => {
  const h = host({ activePruneUri: () => undefined, lastJobUri: () => 'file:///ws/job.prune' });
  await h.run('titans.cancel', [], h.next);
  assert.deepEqual(h.sent, [{ command: 'titans.cancel', args: ['file:///ws/job.prune'] }]);
});

test('without a spec nothing is sent and the user is told why', async () => {
  const h = host({ activePruneUri: () => undefined });
  await h.run('titans.run', [], h.next);
  assert.equal(h.sent.length, 0);
  assert.match(h.infos[0], /Open a \.prune file/);
});

test('run, search and estimate are refused in an untrusted workspace, open report is not', async () => {
  const h = host({ isTrusted: () => false });
  await h.run('titans.run', [], h.next);
  await h.run('titans.searchRatios', [], h.next);
  await h.run('titans.estimate', [], h.next);
  await h.run('titans.openReport', [], h.next);
  assert.deepEqual(h.sent.map((s) => s.command), ['titans.openReport']);
  assert.match(h.infos[0], /trusted workspaces/);
});

test('open report shows a returned HTML file in the webview, opens other files, or says there is none', async () => {
  const h = host();
  h.reply.value = 'file:///ws/.titans/resnet/report.html';
  await h.run('titans.openReport', [SPEC], h.next);
  h.reply.value = { path: '/ws/.titans/x/report.html' };
  await h.run('titans.openReport', [SPEC], h.next);
  h.reply.value = '/ws/.titans/x/result.json';
  await h.run('titans.openReport', [SPEC], h.next);
  h.reply.value = null;
  await h.run('titans.openReport', [SPEC], h.next);
  assert.deepEqual(h.shown, ['/ws/.titans/resnet/report.html', '/ws/.titans/x/report.html']);
  assert.deepEqual(h.opened, ['/ws/.titans/x/result.json']);
  assert.match(h.infos[0], /no report for this spec yet/);
});

test('commands the server adds later pass through untouched', async () => {
  const h = host();
  await h.run('titans.somethingNew', [1, 2], h.next);
  assert.deepEqual(h.sent, [{ command: 'titans.somethingNew', args: [1, 2] }]);
});

test('an HTML report opened through window/showDocument goes to the report view; other documents go on', async () => {
  const shown: string[] = [];
  const passed: unknown[] = [];
  const show = createShowDocumentMiddleware({ showReport: (p) => void shown.push(p) });
  const next = async (params: unknown) => {
    passed.push(params);
    return { success: true };
  };
  assert.deepEqual(await show({ uri: 'file:///ws/.titans/r/report.html' }, undefined, next), { success: true });
  await show({ uri: 'file:///ws/spec.prune', takeFocus: true }, undefined, next);
  // the server marks its report external (a browser, for generic clients); VS Code keeps it in the webview
  await show({ uri: 'file:///ws/.titans/r/report.html', external: true }, undefined, next);
  await show({ uri: 'https://example.invalid/docs.html', external: true }, undefined, next);
  assert.deepEqual(shown, ['/ws/.titans/r/report.html', '/ws/.titans/r/report.html']);
  assert.equal(passed.length, 2);
});
