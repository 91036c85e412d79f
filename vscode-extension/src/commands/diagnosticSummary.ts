/** LSP/VS Code severities: 0 error, 1 warning, 2 information, 3 hint (vscode.DiagnosticSeverity). */
export function summarizeDiagnostics(specCount: number, severities: number[]): string {
  const errors = severities.filter((s) => s === 0).length;
  const warnings = severities.filter((s) => s === 1).length;
  const specs = `${specCount} spec${specCount === 1 ? '' : 's'}`;
  if (errors === 0 && warnings === 0) {
    return `Checked ${specs}: no errors or warnings.`;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `Checked ${specs}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}. See the Problems panel.`;
}
