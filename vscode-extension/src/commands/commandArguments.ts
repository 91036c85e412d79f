/** A vscode.Uri as far as these helpers care. */
export interface UriLike {
  scheme: string;
  toString(): string;
}

function isUriLike(v: unknown): v is UriLike {
  return typeof v === 'object' && v !== null && typeof (v as UriLike).scheme === 'string' && typeof (v as UriLike).toString === 'function';
}

/**
 * The arguments a server command is sent with: always `[documentUri]` as a string.
 * A code lens from the server already passes the URI string; the editor title passes a vscode.Uri (which
 * would otherwise be serialised as an object); the palette passes nothing, so the active .prune editor
 * (or, for Cancel, the last job's spec) is used. Returns undefined when there is no spec to act on.
 */
export function serverCommandArguments(args: unknown[], activePruneUri: string | undefined): unknown[] | undefined {
  const first = args[0];
  if (typeof first === 'string' && first.length > 0) {
    return args;
  }
  if (isUriLike(first)) {
    return [first.toString(), ...args.slice(1)];
  }
  return activePruneUri ? [activePruneUri] : undefined;
}
