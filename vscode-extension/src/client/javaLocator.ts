import * as path from 'path';

/** Where a Java executable came from; shown to the user when something goes wrong. */
export type JavaSource = 'titans.java.home' | 'JAVA_HOME' | 'PATH';

export type JavaLookup =
  | { ok: true; java: string; source: JavaSource }
  | { ok: false; message: string; fromSetting: boolean };

/** Everything the lookup reads, passed in so tests can use a fake environment and file system. */
export interface JavaLookupInput {
  javaHomeSetting?: string | null;
  env: Record<string, string | undefined>;
  platform: string;
  isFile: (p: string) => boolean;
}

export const MIN_JAVA_MAJOR = 17;

const NOT_FOUND =
  `Tiny Titans needs Java ${MIN_JAVA_MAJOR} or newer to run its language server, and none was found. ` +
  'Set "titans.java.home" to a Java installation, or set JAVA_HOME, or put java on PATH.';

/**
 * Finds the java executable: the titans.java.home setting first, then JAVA_HOME, then PATH.
 * A setting that points nowhere is an error of its own: silently using another Java would hide the typo.
 */
export function findJava(input: JavaLookupInput): JavaLookup {
  const p = input.platform === 'win32' ? path.win32 : path.posix;
  const exe = input.platform === 'win32' ? 'java.exe' : 'java';
  const inHome = (home: string) => p.join(home, 'bin', exe);

  const setting = input.javaHomeSetting?.trim();
  if (setting) {
    const java = inHome(setting);
    if (input.isFile(java)) {
      return { ok: true, java, source: 'titans.java.home' };
    }
    return {
      ok: false,
      fromSetting: true,
      message: `The setting "titans.java.home" is "${setting}", but ${java} does not exist. Point it at a Java ${MIN_JAVA_MAJOR}+ installation (the folder holding bin/${exe}).`,
    };
  }

  const javaHome = input.env.JAVA_HOME?.trim();
  if (javaHome && input.isFile(inHome(javaHome))) {
    return { ok: true, java: inHome(javaHome), source: 'JAVA_HOME' };
  }

  const pathVar = input.env.PATH ?? input.env.Path ?? '';
  for (const dir of pathVar.split(p.delimiter)) {
    if (dir && input.isFile(p.join(dir, exe))) {
      return { ok: true, java: p.join(dir, exe), source: 'PATH' };
    }
  }
  return { ok: false, fromSetting: false, message: NOT_FOUND };
}

/** Reads the major version from `java -version` output ("17.0.15", "21", or the old "1.8.0_292"). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!m) {
    return undefined;
  }
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/** The message for a Java that runs but is too old, or undefined when it is fine. */
export function checkJavaVersion(java: string, versionOutput: string): string | undefined {
  const major = parseJavaMajor(versionOutput);
  if (major === undefined) {
    return `Could not read the version of ${java} ("java -version" said: ${versionOutput.trim().split('\n')[0] ?? ''}).`;
  }
  if (major < MIN_JAVA_MAJOR) {
    return `${java} is Java ${major}; the Tiny Titans language server needs Java ${MIN_JAVA_MAJOR} or newer. Set "titans.java.home" to a newer Java.`;
  }
  return undefined;
}
