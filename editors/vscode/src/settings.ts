/**
 * Turns the extension's `gitlab-lsp.*` configuration into the settings object the server reads
 * from `workspace/didChangeConfiguration`. The keys mirror the server's (and GitLab's official
 * server's) so that one set of documentation serves every editor.
 */

/** Reads one configuration value; `vscode.WorkspaceConfiguration.get` fits, and so does a map. */
export type ConfigReader = (key: string) => unknown;

/** The server's settings, each as a dotted path. The VS Code keys are `gitlab-lsp.<path>`. */
export const SERVER_SETTING_KEYS: readonly string[] = [
  'baseUrl',
  'projectPath',
  'logLevel',
  'ignoreCertificateErrors',
  'codeCompletion.enabled',
  'codeCompletion.enableSecretRedaction',
  'codeCompletion.additionalLanguages',
  'codeCompletion.disabledSupportedLanguages',
  'codeCompletion.debounceMs',
  'codeCompletion.directConnection',
  'telemetry.enabled',
  'telemetry.trackingUrl',
  'featureFlags.streamCodeGenerations',
  'httpAgentOptions.ca',
  'httpAgentOptions.cert',
  'httpAgentOptions.certKey',
  'suggestionsCache.enabled',
  'suggestionsCache.maxSize',
  'suggestionsCache.ttl',
  'openTabsContext',
  'codeCompletion.contextImports',
  'codeCompletion.contextRecentEdits',
  'codeCompletion.contextBudgetBytes',
  'codeCompletion.contextExclusions',
];

/** Keys that configure the extension itself and are never sent to the server. */
export const EXTENSION_ONLY_KEYS: readonly string[] = ['server.path', 'server.mock', 'trace.server'];

export type ServerSettings = { [key: string]: unknown };

function setPath(target: ServerSettings, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) {
      node[part] = {};
    }
    node = node[part] as ServerSettings;
  }
  node[parts[parts.length - 1]] = value;
}

/** Settings that, when sent, take the server off the bundled mock it starts with `--mock`. */
const MOCK_OVERRIDDEN: readonly string[] = ['baseUrl'];

/**
 * Builds the nested settings object. Unset values (undefined, or an empty string for optional
 * paths such as a CA file) are left out so that the server keeps its own defaults rather than
 * receiving an empty value it would have to reject. With `server.mock` on, the instance URL
 * and the token are left out too: the server then uses the mock it started, which any
 * `baseUrl` or `token` setting would replace.
 */
export function buildServerSettings(read: ConfigReader, token?: string): ServerSettings {
  const mock = read('server.mock') === true;
  const settings: ServerSettings = {};
  for (const key of SERVER_SETTING_KEYS) {
    if (mock && MOCK_OVERRIDDEN.includes(key)) {
      continue;
    }
    const value = read(key);
    if (value === undefined || value === null || value === '') {
      continue;
    }
    setPath(settings, key, value);
  }
  if (token && !mock) {
    settings.token = token;
  }
  return settings;
}

export interface InitializationOptions {
  ide: { name: string; version: string; vendor: string };
  extension: { name: string; version: string };
}

export function initializationOptions(
  ideVersion: string,
  extensionVersion: string,
): InitializationOptions {
  return {
    ide: { name: 'Visual Studio Code', version: ideVersion, vendor: 'Microsoft Corporation' },
    extension: { name: 'gitlab-lsp-vscode', version: extensionVersion },
  };
}

export interface ServerLaunch {
  command: string;
  args: string[];
}

/** How to start the server: `gitlab-lsp --stdio`, plus `--mock` to try it without an account. */
export function serverLaunch(read: ConfigReader): ServerLaunch {
  const path = read('server.path');
  const command = typeof path === 'string' && path.trim() !== '' ? path.trim() : 'gitlab-lsp';
  const args = ['--stdio'];
  if (read('server.mock') === true) {
    args.push('--mock');
  }
  return { command, args };
}
