import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { splitVmArgs, buildServerCommand, resolveServerJar } from '../../src/client/serverCommand';

test('vm arguments split on spaces and keep quoted parts together', () => {
  assert.deepEqual(splitVmArgs('-Xmx1g  -Dname="a b" -Dq=\'c d\' -Desc=x\\ y'), ['-Xmx1g', '-Dname=a b', '-Dq=c d', '-Desc=x y']);
  assert.deepEqual(splitVmArgs('-Dempty=""'), ['-Dempty=']);
  assert.deepEqual(splitVmArgs(''), []);
  assert.deepEqual(splitVmArgs(null), []);
});

test('the server runs as java VMARGS -jar JAR', () => {
  assert.deepEqual(buildServerCommand('/jdk/bin/java', '-Xmx512m -XX:+UseSerialGC', '/ext/server/titans-server.jar'), {
    command: '/jdk/bin/java',
    args: ['-Xmx512m', '-XX:+UseSerialGC', '-jar', '/ext/server/titans-server.jar'],
  });
});

test('the bundled jar is used unless titans.server.jar is set', () => {
  const exists = (p: string) => ['/ext/server/titans-server.jar', '/dev/titans-server.jar'].includes(p);
  assert.deepEqual(resolveServerJar(undefined, '/ext', exists), { ok: true, jar: '/ext/server/titans-server.jar' });
  assert.deepEqual(resolveServerJar('/dev/titans-server.jar', '/ext', exists), { ok: true, jar: '/dev/titans-server.jar' });
});

test('a missing jar says which one and what to do', () => {
  const none = () => false;
  const bundled = resolveServerJar('', '/ext', none);
  assert.ok(!bundled.ok && /\/ext\/server\/titans-server\.jar.*Reinstall/.test(bundled.message));
  const configured = resolveServerJar('/nope.jar', '/ext', none);
  assert.ok(!configured.ok && /titans\.server\.jar.*\/nope\.jar/.test(configured.message));
});
