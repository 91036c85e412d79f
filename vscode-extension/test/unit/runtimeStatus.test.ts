import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { installFakeVscode } from '../support/fakeVscode';

installFakeVscode();
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { runtimeView } = require('../../src/status/runtimeStatus') as typeof import('../../src/status/runtimeStatus');

test('an answer without summary and text is shown as no report, not as "undefined"', () => {
  for (const info of [null, {}, { summary: 'x' }, { summary: 1, text: 'y' }, 'libtorch']) {
    const v = runtimeView({ ok: true, info });
    assert.equal(v.tooltip, 'Tiny Titans runtime: unknown (the server sent no runtime report)');
    assert.doesNotMatch(v.report, /undefined/);
  }
});

test('a stopped server says so', () => {
  const v = runtimeView({ ok: false, error: 'the language server is not running' });
  assert.match(v.report, /did not say which runtime jobs use: the language server is not running\./);
});
