/**
 * The VS Code side of gitlab-lsp: starts `gitlab-lsp --stdio`, feeds it the `gitlab-lsp.*`
 * settings (the token lives in VS Code's secret storage, never in settings.json), shows the
 * server's feature state in the status bar and writes streamed generations into the editor.
 * Inline suggestions themselves need no code here: vscode-languageclient 9 maps
 * `textDocument/inlineCompletion` onto VS Code's inline suggestion API.
 */

import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

import { describeFeatureState, STARTING, StatusView } from './featureState';
import {
  CANCEL_STREAMING,
  DID_CHANGE_DOCUMENT_IN_ACTIVE_EDITOR,
  FEATURE_STATE_CHANGE,
  FeatureStateChangeParams,
  START_STREAMING_COMMAND,
  STREAMING_COMPLETION_RESPONSE,
  StreamingCompletionResponse,
  TOKEN_CHECK,
  TokenCheckParams,
} from './protocol';
import { buildServerSettings, initializationOptions, ServerSettings, serverLaunch } from './settings';
import { StreamCancelledError, StreamTracker } from './streaming';
import { StreamView } from './streamView';

const SECTION = 'gitlab-lsp';
const TOKEN_SECRET = 'gitlab-lsp.token';

class GitLabExtension implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly status: vscode.StatusBarItem;
  private readonly streams = new StreamTracker();
  private readonly output: vscode.OutputChannel;
  private readonly disposables: vscode.Disposable[] = [];
  private lastStatus: StatusView = STARTING;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
    this.status.command = 'gitlab-lsp.showLogs';
    this.output = vscode.window.createOutputChannel('GitLab Code Suggestions');
    this.showStatus(STARTING);
    this.status.show();
  }

  private config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  private async settings(): Promise<ServerSettings> {
    const config = this.config();
    const token = await this.context.secrets.get(TOKEN_SECRET);
    return buildServerSettings((key) => config.get(key), token);
  }

  private showStatus(view: StatusView): void {
    this.lastStatus = view;
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.backgroundColor =
      view.kind === 'attention' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  async start(): Promise<void> {
    const config = this.config();
    const launch = serverLaunch((key) => config.get(key));
    const serverOptions: ServerOptions = { command: launch.command, args: launch.args };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      outputChannel: this.output,
      initializationOptions: initializationOptions(
        vscode.version,
        String(this.context.extension.packageJSON.version ?? '0.0.0'),
      ),
      middleware: {
        workspace: {
          // Answer `workspace/configuration` pulls with the same object the pushes carry.
          configuration: async (params) => {
            const settings = await this.settings();
            return params.items.map(() => settings);
          },
        },
      },
    };
    const client = new LanguageClient('gitlab-lsp', 'GitLab Code Suggestions', serverOptions, clientOptions);
    this.client = client;
    client.onNotification(FEATURE_STATE_CHANGE, (params: FeatureStateChangeParams) =>
      this.showStatus(describeFeatureState(params)),
    );
    client.onNotification(TOKEN_CHECK, (params: TokenCheckParams) => this.tokenProblem(params));
    client.onNotification(STREAMING_COMPLETION_RESPONSE, (params: StreamingCompletionResponse) => {
      this.streams.receive(params);
    });
    this.showStatus(STARTING);
    await client.start();
    await this.pushSettings();
    this.reportActiveEditor(vscode.window.activeTextEditor);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      await client.stop();
    }
  }

  async pushSettings(): Promise<void> {
    if (this.client === undefined) {
      return;
    }
    await this.client.sendNotification('workspace/didChangeConfiguration', {
      settings: await this.settings(),
    });
  }

  private async tokenProblem(params: TokenCheckParams): Promise<void> {
    const message = params.message ?? 'The GitLab token is missing or no longer valid.';
    const choice = await vscode.window.showWarningMessage(`GitLab: ${message}`, 'Set Token');
    if (choice === 'Set Token') {
      await vscode.commands.executeCommand('gitlab-lsp.setToken');
    }
  }

  reportActiveEditor(editor: vscode.TextEditor | undefined): void {
    if (this.client === undefined || editor === undefined) {
      return;
    }
    void this.client.sendNotification(DID_CHANGE_DOCUMENT_IN_ACTIVE_EDITOR, editor.document.uri.toString());
  }

  /** `gitlab.ls.startStreaming`: run by VS Code when the user accepts a generation's item. */
  async startStreaming(streamId: unknown, _trackingId?: unknown): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (typeof streamId !== 'string' || editor === undefined || this.client === undefined) {
      return;
    }
    const view = new StreamView(editor, () => this.cancelStream(streamId));
    this.status.text = '$(sync~spin) GitLab';
    this.status.tooltip = 'GitLab Code Suggestions: generating (command "GitLab: Cancel Generation" stops it)';
    try {
      await this.streams.follow(streamId, (text) => void view.show(text));
    } catch (error) {
      if (!(error instanceof StreamCancelledError)) {
        throw error;
      }
    } finally {
      this.showStatus(this.lastStatus);
    }
  }

  cancelStream(streamId: string): void {
    if (!this.streams.active().includes(streamId)) {
      return;
    }
    this.streams.cancel(streamId);
    void this.client?.sendNotification(CANCEL_STREAMING, { id: streamId });
  }

  cancelAllStreams(): void {
    for (const id of this.streams.active()) {
      this.cancelStream(id);
    }
  }

  showLogs(): void {
    this.output.show(true);
  }

  track(disposable: vscode.Disposable): void {
    this.disposables.push(disposable);
  }

  dispose(): void {
    this.cancelAllStreams();
    void this.stop();
    this.status.dispose();
    this.output.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

let extension: GitLabExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const ext = new GitLabExtension(context);
  extension = ext;
  context.subscriptions.push(ext);
  const register = (id: string, run: (...args: unknown[]) => unknown): void =>
    ext.track(vscode.commands.registerCommand(id, run));

  register(START_STREAMING_COMMAND, (streamId, trackingId) => ext.startStreaming(streamId, trackingId));
  register('gitlab-lsp.cancelStreaming', () => ext.cancelAllStreams());
  register('gitlab-lsp.showLogs', () => ext.showLogs());
  register('gitlab-lsp.restart', async () => {
    await ext.stop();
    await ext.start();
  });
  register('gitlab-lsp.setToken', async () => {
    const token = await vscode.window.showInputBox({
      prompt: 'GitLab personal access token (scope: api or ai_features)',
      password: true,
      ignoreFocusOut: true,
    });
    if (token !== undefined && token.trim() !== '') {
      await context.secrets.store(TOKEN_SECRET, token.trim());
      await ext.pushSettings();
    }
  });
  register('gitlab-lsp.clearToken', async () => {
    await context.secrets.delete(TOKEN_SECRET);
    await ext.pushSettings();
  });

  ext.track(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      if (event.affectsConfiguration(`${SECTION}.server`)) {
        await ext.stop();
        await ext.start();
      } else {
        await ext.pushSettings();
      }
    }),
  );
  ext.track(vscode.window.onDidChangeActiveTextEditor((editor) => ext.reportActiveEditor(editor)));

  await ext.start();
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}
