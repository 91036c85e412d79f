import { fileURLToPath } from 'url';

/**
 * The report file from what titans.openReport returned: a path, a file: URI, or an object with
 * `path`, `report` or `uri`. Undefined when the server has no report (the spec has not run yet).
 */
export function reportPathFrom(result: unknown): string | undefined {
  if (typeof result === 'string' && result.trim() !== '') {
    const s = result.trim();
    return s.startsWith('file:') ? fileURLToPath(s) : s;
  }
  if (typeof result === 'object' && result !== null) {
    const o = result as Record<string, unknown>;
    for (const key of ['path', 'report', 'uri']) {
      const found = reportPathFrom(o[key]);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/**
 * Makes a report written for a browser work inside a webview: relative links and images resolve against
 * the report's folder (a <base>), and a CSP allows only the webview's own resources and inline styles;
 * reports are static, so scripts stay off.
 */
export function prepareReportHtml(html: string, baseHref: string, cspSource: string): string {
  const base = `<base href="${baseHref.endsWith('/') ? baseHref : baseHref + '/'}">`;
  const csp =
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; ` +
    `img-src ${cspSource} data:; style-src ${cspSource} 'unsafe-inline'; font-src ${cspSource};">`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + csp + base + html.slice(at);
  }
  return `<!DOCTYPE html><html><head>${csp}${base}</head><body>${html}</body></html>`;
}
