import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { splitVmArgs, buildServerCommand, resolveServerJar, startupArchivePath } from '../../src/client/serverCommand';

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

test('the class-data archive: named for the server to make it, mapped once it exists, before the user vmargs', () => {
  const jar = '/ext/server/titans-server.jar';
  assert.deepEqual(buildServerCommand('/jdk/bin/java', '-Xmx1g', jar, { path: '/store/a.jsa', exists: false }).args, [
    '-Dtitans.cds.archive=/store/a.jsa',
    '-Xmx1g',
    '-jar',
    jar,
  ]);
  // its CDS warnings (a stale archive) must reach stderr only: stdout carries JSON-RPC
  assert.deepEqual(buildServerCommand('/jdk/bin/java', '', jar, { path: '/store/a.jsa', exists: true }).args, [
    '-XX:SharedArchiveFile=/store/a.jsa',
    '-Xlog:disable',
    '-Xlog:all=warning:stderr',
    '-Dtitans.cds.archive=/store/a.jsa',
    '-jar',
    jar,
  ]);
});

test('the archive is named for its jar and Java: another jar, build or Java gets another file', () => {
  const name = (java: string, version: string, jar: string, stamp: string) => startupArchivePath('/store', java, version, jar, stamp);
  const base = name('/jdk/bin/java', 'openjdk version "17.0.15"', '/ext-0.1.0/server/titans-server.jar', '100:1');
  assert.match(base, /^\/store\/titans-server-[0-9a-f]{16}\.jsa$/);
  assert.equal(name('/jdk/bin/java', 'openjdk version "17.0.15"\n', '/ext-0.1.0/server/titans-server.jar', '100:1'), base);
  const others = [
    name('/jdk21/bin/java', 'openjdk version "17.0.15"', '/ext-0.1.0/server/titans-server.jar', '100:1'),
    name('/jdk/bin/java', 'openjdk version "17.0.16"', '/ext-0.1.0/server/titans-server.jar', '100:1'),
    name('/jdk/bin/java', 'openjdk version "17.0.15"', '/ext-0.2.0/server/titans-server.jar', '100:1'),
    name('/jdk/bin/java', 'openjdk version "17.0.15"', '/ext-0.1.0/server/titans-server.jar', '100:2'),
  ];
  assert.equal(new Set([base, ...others]).size, 5);
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
