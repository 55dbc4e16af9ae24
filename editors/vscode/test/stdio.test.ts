/**
 * The extension's client code against the real server: `gitlab-lsp --stdio --mock` started
 * the way the extension starts it (`serverLaunch`), spoken to with vscode-jsonrpc, with the
 * settings, initialization options, status logic and stream tracking of src/ (VS Code itself
 * cannot run here, so only src/extension.ts's glue is left out).
 *
 * The server is $GITLAB_LSP_SERVER, else the repository's .venv/bin/gitlab-lsp.
 */

import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as rpc from 'vscode-jsonrpc/node';

import { describeFeatureState } from '../src/featureState';
import {
  activeEditorParams,
  DID_CHANGE_DOCUMENT_IN_ACTIVE_EDITOR,
  FEATURE_STATE_CHANGE,
  FeatureStateChangeParams,
  START_STREAMING_COMMAND,
  STREAMING_COMPLETION_RESPONSE,
  StreamingCompletionResponse,
  SUGGESTION_ACCEPTED_COMMAND,
} from '../src/protocol';
import { buildServerSettings, initializationOptions, serverLaunch } from '../src/settings';
import { announcedStream, streamedSuggestion, StreamTracker } from '../src/streaming';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const SERVER = process.env.GITLAB_LSP_SERVER ?? path.join(REPO, '.venv', 'bin', 'gitlab-lsp');
const TIMEOUT_MS = 45_000;

const PY_URI = 'file:///tmp/gitlab-lsp-vscode-test/fib.py';
// Five code lines (not a "small file") and the cursor inside a call: a completion.
const PY_TEXT = [
  'import sys',
  '',
  '',
  'def greet(name):',
  '    return f"Hello, {name}!"',
  '',
  '',
  'if __name__ == "__main__":',
  '    print(greet(',
].join('\n');
const PY_CURSOR = { line: 8, character: '    print(greet('.length };
const GEN_URI = 'file:///tmp/gitlab-lsp-vscode-test/gen.py';
// A comment that asks for code: a generation, streamed since the settings enable streaming.
const GEN_TEXT = '# write a function that reverses a string\n';

interface InlineItem {
  insertText: string | { value: string };
  command?: { command: string; arguments?: unknown[] };
}

/** The VS Code settings a user might have, as `WorkspaceConfiguration.get` would return them. */
function userConfig(overrides: Record<string, unknown>): (key: string) => unknown {
  const values: Record<string, unknown> = {
    'server.path': SERVER,
    'server.mock': true,
    baseUrl: 'https://gitlab.com',
    'codeCompletion.enabled': true,
    'featureFlags.streamCodeGenerations': true,
    'suggestionsCache.maxSize': 100,
    'httpAgentOptions.ca': '',
    ...overrides,
  };
  return (key) => values[key];
}

class Session {
  readonly states: FeatureStateChangeParams[] = [];
  readonly streams = new StreamTracker();
  private constructor(
    readonly process: ChildProcess,
    readonly connection: rpc.MessageConnection,
  ) {}

  static async start(read: (key: string) => unknown): Promise<Session> {
    const launch = serverLaunch(read);
    // The user's own token must not leak into these runs (the no-token case relies on it).
    const env = { ...process.env };
    delete env.GITLAB_TOKEN;
    const child = spawn(launch.command, launch.args, { stdio: ['pipe', 'pipe', 'pipe'], env });
    child.stderr?.resume();
    const connection = rpc.createMessageConnection(
      new rpc.StreamMessageReader(child.stdout!),
      new rpc.StreamMessageWriter(child.stdin!),
    );
    const session = new Session(child, connection);
    const settings = buildServerSettings(read);
    connection.onNotification(FEATURE_STATE_CHANGE, (params: FeatureStateChangeParams) => {
      session.states.push(params);
    });
    connection.onNotification(STREAMING_COMPLETION_RESPONSE, (params: StreamingCompletionResponse) => {
      session.streams.receive(params);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => settings),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(() => undefined);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          inlineCompletion: { dynamicRegistration: false },
        },
      },
      initializationOptions: initializationOptions('1.90.0', '0.1.0'),
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('workspace/didChangeConfiguration', { settings });
    return session;
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'python', version: 1, text },
    });
  }

  async inline(uri: string, line: number, character: number): Promise<InlineItem[]> {
    const result = (await this.connection.sendRequest('textDocument/inlineCompletion', {
      textDocument: { uri },
      position: { line, character },
      context: { triggerKind: 1 },
    })) as { items: InlineItem[] } | InlineItem[] | null;
    if (result === null) {
      return [];
    }
    return Array.isArray(result) ? result : result.items;
  }

  async waitFor(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + TIMEOUT_MS;
    while (!check()) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      if (this.process.exitCode === null) {
        const exited = new Promise((resolve) => this.process.once('exit', resolve));
        const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    }
  }
}

describe('gitlab-lsp --stdio --mock, driven as the VS Code extension drives it', { timeout: 120_000 }, () => {
  let session: Session;

  before(async () => {
    assert.ok(existsSync(SERVER), `the server executable is missing: ${SERVER}`);
    session = await Session.start(userConfig({}));
  });

  after(async () => {
    await session?.stop();
  });

  test('an inline completion at the cursor', async () => {
    await session.open(PY_URI, PY_TEXT);
    const items = await session.inline(PY_URI, PY_CURSOR.line, PY_CURSOR.character);
    assert.ok(items.length >= 1, 'no inline item');
    const text = typeof items[0].insertText === 'string' ? items[0].insertText : items[0].insertText.value;
    assert.equal(text, '"world")');
    assert.equal(items[0].command?.command, SUGGESTION_ACCEPTED_COMMAND);
  });

  test('the status bar shows ready once the server reports its feature state', async () => {
    await session.waitFor(() => session.states.length > 0, '$/gitlab/featureStateChange');
    const view = describeFeatureState(session.states[session.states.length - 1]);
    assert.equal(view.kind, 'ready', view.tooltip);
  });

  test('switching to an unsupported language turns the status bar to off', async () => {
    const uri = 'file:///tmp/gitlab-lsp-vscode-test/notes.txt';
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: 'just some notes here\n' },
    });
    // What the extension sends when the active editor changes.
    await session.connection.sendNotification(DID_CHANGE_DOCUMENT_IN_ACTIVE_EDITOR, activeEditorParams(uri));
    await session.waitFor(() => {
      const last = session.states[session.states.length - 1];
      return last !== undefined && describeFeatureState(last).kind === 'disabled';
    }, 'a disabled state');
    const view = describeFeatureState(session.states[session.states.length - 1]);
    assert.match(view.tooltip, /not supported/);
    // Back to the Python file: ready again.
    await session.connection.sendNotification(DID_CHANGE_DOCUMENT_IN_ACTIVE_EDITOR, activeEditorParams(PY_URI));
    await session.waitFor(
      () => describeFeatureState(session.states[session.states.length - 1]).kind === 'ready',
      'the ready state again',
    );
  });

  test('a generation streams, and the middleware would show it as a suggestion', async () => {
    await session.open(GEN_URI, GEN_TEXT);
    const items = await session.inline(GEN_URI, 1, 0);
    assert.equal(items.length, 1);
    assert.equal(items[0].insertText, '');
    // What the inline middleware does with the answer: find the announced stream...
    const stream = announcedStream(items, START_STREAMING_COMMAND);
    assert.ok(stream !== undefined, `no stream announced: ${JSON.stringify(items)}`);
    // ...and follow it as the notifications arrive.
    const seen: string[] = [];
    const text = await session.streams.follow(stream.streamId, (partial) => seen.push(partial));
    assert.ok(seen.length >= 1);
    assert.ok(
      text.includes('def reverses_string(text):') && text.includes('return text[::-1]'),
      `unexpected generation: ${text}`,
    );
    // Each message carries the whole text so far, so the texts only grow.
    for (let i = 1; i < seen.length; i++) {
      assert.ok(seen[i].startsWith(seen[i - 1]), 'a streamed text shrank');
    }
    // Shown where it was asked for, still shown while the user types its first characters,
    // dropped once they type something else or move to another line.
    const anchor = { uri: GEN_URI, line: 1, character: 0 };
    assert.equal(streamedSuggestion(anchor, text, anchor, ''), text);
    assert.equal(streamedSuggestion(anchor, text, { ...anchor, character: 3 }, text.slice(0, 3)), text);
    assert.equal(streamedSuggestion(anchor, text, { ...anchor, character: 3 }, 'xyz'), undefined);
    assert.equal(streamedSuggestion(anchor, text, { ...anchor, line: 0 }, ''), undefined);
  });
});

describe('without an account or token (no --mock)', { timeout: 120_000 }, () => {
  test('the status bar asks the user to sign in', async () => {
    const session = await Session.start(
      userConfig({ 'server.mock': false, baseUrl: 'http://127.0.0.1:9' }),
    );
    try {
      await session.waitFor(() => {
        const last = session.states[session.states.length - 1];
        return last !== undefined && describeFeatureState(last).kind === 'attention';
      }, 'an attention state');
      const view = describeFeatureState(session.states[session.states.length - 1]);
      assert.match(view.tooltip, /token/i);
    } finally {
      await session.stop();
    }
  });
});
