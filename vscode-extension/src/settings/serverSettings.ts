/** The part of the `titans` configuration the language server reads, under the names the server uses. */
export interface ServerSettings {
  runOnSave: boolean;
  defaultTarget: string;
  carbonRegion?: string;
  jobJavaOptions: string[];
  features: Record<FeatureName, boolean>;
}

/** Per-feature switches, `titans.features.<name>` in VS Code, `features.<name>` on the server. */
export const FEATURES = ['diagnostics', 'completion', 'hover', 'inlayHints', 'codeLens', 'estimates', 'formatting'] as const;
export type FeatureName = (typeof FEATURES)[number];

/** What is read from configuration; a vscode.WorkspaceConfiguration for section "titans" fits. */
export interface ConfigReader {
  get<T>(key: string): T | undefined;
}

export const SETTINGS_SECTION = 'titans';

/** Client-side settings: changing them means starting the server process again. */
export const RESTART_SETTINGS = ['titans.java.home', 'titans.server.vmargs', 'titans.server.jar'];

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * Maps the VS Code settings onto the server's names (`titans.target` -> defaultTarget, `titans.region` ->
 * carbonRegion), with package.json's defaults for missing or mistyped values. An unset region is left out
 * so the server keeps its own default.
 */
export function readServerSettings(cfg: ConfigReader): ServerSettings {
  const options = cfg.get<unknown>('jobJavaOptions');
  const features = Object.fromEntries(FEATURES.map((f) => [f, bool(cfg.get(`features.${f}`), true)])) as Record<FeatureName, boolean>;
  const settings: ServerSettings = {
    runOnSave: bool(cfg.get('runOnSave'), true),
    defaultTarget: text(cfg.get('target')) ?? 'cpu',
    jobJavaOptions: Array.isArray(options) ? options.filter((o): o is string => typeof o === 'string') : [],
    features,
  };
  const region = text(cfg.get('region'));
  if (region) {
    settings.carbonRegion = region;
  }
  return settings;
}

/**
 * `{ titans: {...} }`: the initializationOptions, and the `settings` of workspace/didChangeConfiguration,
 * so the server reads one shape in both places.
 */
export function settingsPayload(settings: ServerSettings): { titans: ServerSettings } {
  return { titans: settings };
}

/** Whether a configuration change needs a server restart, a settings push, or nothing. */
export function classifyChange(affects: (section: string) => boolean): 'restart' | 'push' | 'none' {
  if (RESTART_SETTINGS.some(affects)) {
    return 'restart';
  }
  return affects(SETTINGS_SECTION) ? 'push' : 'none';
}
