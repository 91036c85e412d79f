import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { installFakeVscode, FakeUri } from '../support/fakeVscode';
import { summarizeDiagnostics } from '../../src/commands/diagnosticSummary';

const fake0 = installFakeVscode();
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { checkWorkspace } = require('../../src/commands/checkWorkspace') as typeof import('../../src/commands/checkWorkspace');

const settle = () => new Promise((r) => setImmediate(r));

test('every spec is opened for the server, and the summary counts what it reported', async () => {
  const fake = fake0;
  const a = FakeUri.file('/ws/a.prune');
  const b = FakeUri.file('/ws/sub/b.prune');
  fake.files.push(a, b);
  const done = checkWorkspace();
  await settle();
  assert.deepEqual(fake.opened, [a.toString(), b.toString()]);
  fake.publish(a, [0, 1, 2]);
  fake.publish(b, [0]);
  await done;
  assert.deepEqual(fake.messages.map((m) => m.text), ['Checked 2 specs: 2 errors, 1 warning. See the Problems panel.']);
});

test('a workspace without specs says so', async () => {
  const fake = installFakeVscode();
  await checkWorkspace();
  assert.deepEqual(fake.messages.map((m) => m.text), ['No .prune files in this workspace.']);
});

test('the summary wording', () => {
  assert.equal(summarizeDiagnostics(1, [2, 3]), 'Checked 1 spec: no errors or warnings.');
  assert.equal(summarizeDiagnostics(3, [1]), 'Checked 3 specs: 0 errors, 1 warning. See the Problems panel.');
});
