import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { JobStatusModel } from '../../src/status/jobStatusModel';

test('nothing is shown before any job', () => {
  assert.deepEqual(new JobStatusModel().view(), { visible: false, running: false, text: '', tooltip: '' });
});

test('$/progress begin, report and end drive the text', () => {
  const m = new JobStatusModel();
  m.onProgress('t1', { kind: 'begin', title: 'Pruning resnet56', percentage: 0 });
  assert.equal(m.view().text, '$(sync~spin) Pruning resnet56 0%');
  m.onProgress('t1', { kind: 'report', message: 'fine-tuning epoch 1/2', percentage: 42.4 });
  assert.equal(m.view().text, '$(sync~spin) Pruning resnet56 42% – fine-tuning epoch 1/2');
  assert.ok(m.isRunning());
  m.onProgress('t1', { kind: 'end', message: 'FLOPs -38%, 4.1 ms' });
  assert.deepEqual(m.view(), { visible: true, running: false, text: '$(check) FLOPs -38%, 4.1 ms', tooltip: 'Pruning resnet56' });
});

test('two jobs at once show the newest and count the other', () => {
  const m = new JobStatusModel();
  m.onProgress('a', { kind: 'begin', title: 'Run a' });
  m.onProgress('b', { kind: 'begin', title: 'Run b' });
  assert.equal(m.view().text, '$(sync~spin) Run b (+1)');
  m.onProgress('b', { kind: 'end' });
  assert.equal(m.view().text, '$(sync~spin) Run a');
});

test('titans/jobStatus notifications track jobs by spec and remember the last one', () => {
  const m = new JobStatusModel();
  m.onJobStatus({ uri: 'file:///a.prune', state: 'running', title: 'resnet56_l1', percentage: 10 });
  assert.equal(m.lastJobUri, 'file:///a.prune');
  assert.equal(m.view().text, '$(sync~spin) resnet56_l1 10%');
  m.onJobStatus({ uri: 'file:///a.prune', state: 'failed', message: 'out of memory' });
  assert.deepEqual(m.view(), { visible: true, running: false, text: '$(error) out of memory', tooltip: 'resnet56_l1' });
  m.onJobStatus({ uri: 'file:///a.prune', state: 'running' });
  m.onJobStatus({ uri: 'file:///a.prune', state: 'cancelled' });
  assert.equal(m.view().text, '$(circle-slash) Tiny Titans job cancelled');
});

test('titans/jobStatus and $/progress of one run (same token) are one job, and the ending status wins', () => {
  const m = new JobStatusModel();
  m.onProgress('titans-run/1', { kind: 'begin', title: 'Titans: running a.prune on ssh gpu-box' });
  m.onJobStatus({ uri: 'file:///a.prune', token: 'titans-run/1', state: 'running', target: 'ssh gpu-box',
    message: 'running on ssh gpu-box: libtorch 2.7.1 cu128 on NVIDIA H200' });
  assert.equal(m.view().text, '$(sync~spin) Titans: running a.prune on ssh gpu-box – running on ssh gpu-box: libtorch 2.7.1 cu128 on NVIDIA H200');
  assert.match(m.view().tooltip, /Runs on: ssh gpu-box/);
  assert.equal(m.lastJobUri, 'file:///a.prune');
  m.onJobStatus({ uri: 'file:///a.prune', token: 'titans-run/1', state: 'failed', message: 'connection to gpu-box lost' });
  m.onProgress('titans-run/1', { kind: 'end', message: 'connection to gpu-box lost' });
  assert.deepEqual(m.view(), { visible: true, running: false, text: '$(error) connection to gpu-box lost', tooltip: 'Titans: running a.prune on ssh gpu-box' });
});
