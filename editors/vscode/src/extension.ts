/**
 * The VS Code side of gitlab-lsp: starts `gitlab-lsp --stdio`, feeds it the `gitlab-lsp.*`
 * settings (the token lives in VS Code's secret storage, never in settings.json), shows the
 * server's feature state in the status bar and shows streamed generations as inline
 * suggestions. Plain inline suggestions need no code here: vscode-languageclient 9 maps
 * `textDocument/inlineCompletion` onto VS Code's inline suggestion API.
 *
 * Streaming: the server answers a generation with one empty item carrying the command
 * `gitlab.ls.startStreaming`. VS Code never shows an empty suggestion, so waiting for the user
 * to accept it would never start the stream: the inline middleware starts following it at
 * once, and each `streamingCompletionResponse` re-triggers inline suggestions, which the
 * middleware answers with the text so far, anchored where the generation was asked for.
 */

import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

import { describeFeatureState, STARTING, StatusView } from './featureState';
import {
  activeEditorParams,
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
import {
  announcedStream,
  StreamAnchor,
  StreamCancelledError,
  streamedSuggestion,
  StreamTracker,
} from './streaming';

/** Our own command on a streamed suggestion: accepting it ends the stream. */
const STREAM_ACCEPTED_COMMAND = 'gitlab-lsp.streamAccepted';

interface ShownStream {
  id: string;
  anchor: StreamAnchor;
  text: string;
  done: boolean;
}

const SECTION = 'gitlab-lsp';
const TOKEN_SECRET = 'gitlab-lsp.token';

class GitLabExtension implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly status: vscode.StatusBarItem;
  private readonly streams = new StreamTracker();
  private readonly output: vscode.OutputChannel;
  private readonly disposables: vscode.Disposable[] = [];
  private lastStatus: StatusView = STARTING;
  private shown: ShownStream | undefined;

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
        // The server offers completion items too (for editors without inline completion, as
        // GitLab's own server does); VS Code shows the same suggestion as ghost text, so the
        // menu source stays silent and the server is never asked for it.
        provideCompletionItem: () => undefined,
        provideInlineCompletionItems: async (document, position, context, token, next) => {
          const streamed = this.streamedItem(document, position);
          if (streamed !== undefined) {
            return [streamed];
          }
          const result = await next(document, position, context, token);
          const items = result === null || result === undefined
            ? []
            : Array.isArray(result) ? result : result.items;
          const stream = announcedStream(items, START_STREAMING_COMMAND);
          if (stream === undefined) {
            return result;
          }
          this.beginStream(stream.streamId, document.uri.toString(), position);
          return [];
        },
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
    void this.client.sendNotification(
      DID_CHANGE_DOCUMENT_IN_ACTIVE_EDITOR,
      activeEditorParams(editor.document.uri.toString()),
    );
  }

  /** The suggestion for the stream being shown, if the editor asks where it is anchored. */
  private streamedItem(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.InlineCompletionItem | undefined {
    const shown = this.shown;
    if (shown === undefined) {
      return undefined;
    }
    const at = { uri: document.uri.toString(), line: position.line, character: position.character };
    const start = new vscode.Position(shown.anchor.line, shown.anchor.character);
    const typed =
      at.uri === shown.anchor.uri && at.line === shown.anchor.line && at.character >= start.character
        ? document.getText(new vscode.Range(start, position))
        : '';
    const text = streamedSuggestion(shown.anchor, shown.text, at, typed);
    if (text === undefined) {
      this.cancelStream(shown.id);
      return undefined;
    }
    const item = new vscode.InlineCompletionItem(text, new vscode.Range(start, position));
    item.command = { title: 'Accept generation', command: STREAM_ACCEPTED_COMMAND, arguments: [shown.id] };
    return item;
  }

  /** Follow a stream, re-triggering inline suggestions as its text grows. */
  beginStream(streamId: string, uri: string, position: vscode.Position): void {
    if (this.shown !== undefined && this.shown.id !== streamId) {
      this.cancelStream(this.shown.id);
    }
    const shown: ShownStream = {
      id: streamId,
      anchor: { uri, line: position.line, character: position.character },
      text: '',
      done: false,
    };
    this.shown = shown;
    this.status.text = '$(sync~spin) GitLab';
    this.status.tooltip = 'GitLab Code Suggestions: generating (command "GitLab: Cancel Generation" stops it)';
    const refresh = (text: string, done: boolean): void => {
      shown.text = text;
      shown.done = done;
      if (this.shown === shown) {
        void vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
      }
    };
    this.streams
      .follow(streamId, refresh)
      .catch((error: unknown) => {
        if (!(error instanceof StreamCancelledError)) {
          this.output.appendLine(`stream ${streamId} failed: ${String(error)}`);
        }
      })
      .finally(() => this.showStatus(this.lastStatus));
  }

  /** `gitlab.ls.startStreaming`, should anything run it: follow the stream at the cursor. */
  startStreaming(streamId: unknown): void {
    const editor = vscode.window.activeTextEditor;
    if (typeof streamId === 'string' && editor !== undefined) {
      this.beginStream(streamId, editor.document.uri.toString(), editor.selection.active);
    }
  }

  /** The user accepted the streamed suggestion: stop following it (and stop the server). */
  streamAccepted(streamId: unknown): void {
    if (typeof streamId !== 'string' || this.shown?.id !== streamId) {
      return;
    }
    const done = this.shown.done;
    this.shown = undefined;
    if (!done) {
      this.cancelStream(streamId);
    }
  }

  cancelStream(streamId: string): void {
    if (this.shown?.id === streamId) {
      this.shown = undefined;
    }
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

  register(START_STREAMING_COMMAND, (streamId) => ext.startStreaming(streamId));
  register(STREAM_ACCEPTED_COMMAND, (streamId) => ext.streamAccepted(streamId));
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
