import * as crypto from 'crypto';
import * as path from 'path';

export const SERVER_JAR_NAME = 'titans-server.jar';

/** The process that runs the language server over stdio. */
export interface ServerCommand {
  command: string;
  args: string[];
}

/**
 * Splits a VM-arguments string the way a shell would for the simple cases users write:
 * whitespace separates, double or single quotes group, a backslash escapes the next character.
 */
export function splitVmArgs(vmargs: string | null | undefined): string[] {
  const out: string[] = [];
  if (!vmargs) {
    return out;
  }
  let current = '';
  let inToken = false;
  let quote: string | undefined;
  for (let i = 0; i < vmargs.length; i++) {
    const ch = vmargs[i];
    if (ch === '\\' && i + 1 < vmargs.length && quote !== "'") {
      current += vmargs[++i];
      inToken = true;
    } else if (quote) {
      if (ch === quote) {
        quote = undefined;
      } else {
        current += ch;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) {
        out.push(current);
      }
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (inToken) {
    out.push(current);
  }
  return out;
}

/**
 * The server's class-data sharing archive (AppCDS; server/.../StartupArchive.java). The server makes it itself after
 * its first session's warm-up when `-Dtitans.cds.archive` names a file that is not there; every later start maps it.
 * An archive is only valid for the exact jar (path, size, time) and Java it was made with, so its name is a digest of
 * those: another extension version, a rebuilt jar or another Java asks for a new file instead of a rejected one.
 */
export interface StartupArchive {
  path: string;
  exists: boolean;
}

/** The archive for this jar and Java in the extension's storage folder; `jarStamp` is the jar's size and time. */
export function startupArchivePath(storageDir: string, java: string, javaVersionOutput: string, jar: string, jarStamp: string): string {
  const key = crypto.createHash('sha256').update([java, javaVersionOutput.trim(), jar, jarStamp].join('\n')).digest('hex').slice(0, 16);
  return path.join(storageDir, `titans-server-${key}.jsa`);
}

/**
 * `java [archive options] [vmargs] -jar titans-server.jar`: the jar finds its lib/ folder through its manifest
 * Class-Path. The archive is mapped once it exists; the JVM's CDS warnings (a stale archive) go to stderr, never
 * to stdout, where the server speaks JSON-RPC. The user's vmargs come after, so they can override.
 */
export function buildServerCommand(java: string, vmargs: string | null | undefined, jar: string, archive?: StartupArchive): ServerCommand {
  const cds = !archive
    ? []
    : archive.exists
      ? [`-XX:SharedArchiveFile=${archive.path}`, '-Xlog:disable', '-Xlog:all=warning:stderr', `-Dtitans.cds.archive=${archive.path}`]
      : [`-Dtitans.cds.archive=${archive.path}`];
  return { command: java, args: [...cds, ...splitVmArgs(vmargs), '-jar', jar] };
}

export type JarLookup = { ok: true; jar: string } | { ok: false; message: string };

/** The server jar: the titans.server.jar setting when set (server development), else the one bundled in the .vsix. */
export function resolveServerJar(
  settingJar: string | null | undefined,
  extensionPath: string,
  isFile: (p: string) => boolean,
): JarLookup {
  const fromSetting = settingJar?.trim();
  if (fromSetting) {
    return isFile(fromSetting)
      ? { ok: true, jar: fromSetting }
      : { ok: false, message: `The setting "titans.server.jar" is "${fromSetting}", but no such file exists.` };
  }
  const bundled = path.join(extensionPath, 'server', SERVER_JAR_NAME);
  return isFile(bundled)
    ? { ok: true, jar: bundled }
    : {
        ok: false,
        message: `The language server is missing from this installation (${bundled}). Reinstall the Tiny Titans extension, or set "titans.server.jar".`,
      };
}
