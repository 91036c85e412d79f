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

/** `java [vmargs] -jar titans-server.jar`: the jar finds its lib/ folder through its manifest Class-Path. */
export function buildServerCommand(java: string, vmargs: string | null | undefined, jar: string): ServerCommand {
  return { command: java, args: [...splitVmArgs(vmargs), '-jar', jar] };
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
