import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readServerSettings, settingsPayload, classifyChange } from '../../src/settings/serverSettings';

const config = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T | undefined });
const allOn = { diagnostics: true, completion: true, hover: true, inlayHints: true, codeLens: true, estimates: true, formatting: true };

test('settings the user wrote reach the server under the names it reads', () => {
  const s = readServerSettings(
    config({
      runOnSave: false,
      target: ' gpu 1 ',
      region: 'DEU',
      jobJavaOptions: ['-Xmx8g'],
      'features.inlayHints': false,
      'features.hover': false,
    }),
  );
  assert.deepEqual(s, {
    runOnSave: false,
    defaultTarget: 'gpu 1',
    carbonRegion: 'DEU',
    jobJavaOptions: ['-Xmx8g'],
    features: { ...allOn, inlayHints: false, hover: false },
  });
});

test('missing or mistyped values fall back to the declared defaults; an unset region is left to the server', () => {
  const s = readServerSettings(config({ runOnSave: 'yes', target: '', region: '   ', jobJavaOptions: ['-Xmx1g', 3], 'features.codeLens': 'no' }));
  assert.deepEqual(s, { runOnSave: true, defaultTarget: 'cpu', jobJavaOptions: ['-Xmx1g'], features: allOn });
  assert.ok(!('carbonRegion' in s));
});

test('the payload puts the settings under "titans"', () => {
  const s = readServerSettings(config({}));
  assert.deepEqual(settingsPayload(s), { titans: s });
});

test('client-side settings restart the server; server settings are pushed', () => {
  const affects = (...changed: string[]) => (section: string) => changed.some((c) => c === section || c.startsWith(section + '.'));
  assert.equal(classifyChange(affects('titans.java.home')), 'restart');
  assert.equal(classifyChange(affects('titans.server.vmargs')), 'restart');
  assert.equal(classifyChange(affects('titans.server.jar')), 'restart');
  assert.equal(classifyChange(affects('titans.runOnSave')), 'push');
  assert.equal(classifyChange(affects('editor.fontSize')), 'none');
});
