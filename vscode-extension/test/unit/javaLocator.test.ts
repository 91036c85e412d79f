import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findJava, parseJavaMajor, checkJavaVersion } from '../../src/client/javaLocator';

/** A fake machine: the given files exist, nothing else. */
function machine(files: string[], env: Record<string, string> = {}, platform = 'linux') {
  return { env, platform, isFile: (p: string) => files.includes(p) };
}

test('the titans.java.home setting wins over JAVA_HOME and PATH', () => {
  const found = findJava({
    ...machine(['/opt/jdk21/bin/java', '/usr/lib/jvm/17/bin/java', '/usr/bin/java'], { JAVA_HOME: '/usr/lib/jvm/17', PATH: '/usr/bin' }),
    javaHomeSetting: '/opt/jdk21',
  });
  assert.deepEqual(found, { ok: true, java: '/opt/jdk21/bin/java', source: 'titans.java.home' });
});

test('a setting pointing nowhere is reported, not silently replaced by another Java', () => {
  const found = findJava({ ...machine(['/usr/bin/java'], { PATH: '/usr/bin' }), javaHomeSetting: '/opt/typo' });
  assert.equal(found.ok, false);
  assert.ok(!found.ok && found.fromSetting);
  assert.match(!found.ok ? found.message : '', /titans\.java\.home.*\/opt\/typo/);
});

test('JAVA_HOME is used when the setting is empty', () => {
  const found = findJava({ ...machine(['/usr/lib/jvm/17/bin/java', '/usr/bin/java'], { JAVA_HOME: '/usr/lib/jvm/17', PATH: '/usr/bin' }), javaHomeSetting: '  ' });
  assert.deepEqual(found, { ok: true, java: '/usr/lib/jvm/17/bin/java', source: 'JAVA_HOME' });
});

test('PATH is searched in order when JAVA_HOME has no java', () => {
  const found = findJava(machine(['/b/java', '/c/java'], { JAVA_HOME: '/broken', PATH: '/a::/b:/c' }));
  assert.deepEqual(found, { ok: true, java: '/b/java', source: 'PATH' });
});

test('Windows uses java.exe and ; between PATH entries', () => {
  const found = findJava(machine(['C:\\jdk\\bin\\java.exe'], { Path: 'C:\\Windows;C:\\jdk\\bin' }, 'win32'));
  assert.deepEqual(found, { ok: true, java: 'C:\\jdk\\bin\\java.exe', source: 'PATH' });
});

test('no Java anywhere gives a message naming all three places', () => {
  const found = findJava(machine([], { PATH: '/usr/bin' }));
  assert.equal(found.ok, false);
  const message = !found.ok ? found.message : '';
  assert.match(message, /titans\.java\.home/);
  assert.match(message, /JAVA_HOME/);
  assert.match(message, /PATH/);
});

test('java -version output is read for new and old version schemes', () => {
  assert.equal(parseJavaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime'), 17);
  assert.equal(parseJavaMajor('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaMajor('java version "1.8.0_292"'), 8);
  assert.equal(parseJavaMajor('bash: java: not found'), undefined);
});

test('Java older than 17 or unreadable output is refused with a reason', () => {
  assert.equal(checkJavaVersion('/usr/bin/java', 'openjdk version "17.0.15"'), undefined);
  assert.match(checkJavaVersion('/usr/bin/java', 'openjdk version "11.0.2"') ?? '', /Java 11.*Java 17 or newer/);
  assert.match(checkJavaVersion('/x/java', 'spawn /x/java EACCES') ?? '', /Could not read the version of \/x\/java/);
});
