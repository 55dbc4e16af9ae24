/**
 * Shows a streamed code generation in the editor: the text is written at the cursor where the
 * (empty) inline suggestion was accepted and rewritten in place as each message brings the
 * longer text. If the user edits the document meanwhile, the stream is cancelled rather than
 * written over their typing.
 */

import * as vscode from 'vscode';

export class StreamView {
  private start: vscode.Position;
  private end: vscode.Position;
  private expectedVersion: number;
  private writing: Promise<void> = Promise.resolve();
  private abandoned = false;
  private written = false;

  constructor(
    private readonly editor: vscode.TextEditor,
    private readonly onUserEdit: () => void,
  ) {
    this.start = editor.selection.active;
    this.end = this.start;
    this.expectedVersion = editor.document.version;
  }

  /** Replaces what was written so far with `text`; calls are applied in arrival order. */
  show(text: string): Promise<void> {
    this.writing = this.writing.then(() => this.write(text));
    return this.writing;
  }

  private async write(text: string): Promise<void> {
    if (this.abandoned) {
      return;
    }
    const document = this.editor.document;
    if (document.isClosed || document.version !== this.expectedVersion) {
      this.abandoned = true;
      this.onUserEdit();
      return;
    }
    const range = new vscode.Range(this.start, this.end);
    const applied = await this.editor.edit((edit) => edit.replace(range, text), {
      // One undo step for the whole generation: a stop before the first write only.
      undoStopBefore: !this.written,
      undoStopAfter: false,
    });
    this.written = true;
    if (!applied) {
      this.abandoned = true;
      this.onUserEdit();
      return;
    }
    this.end = document.positionAt(document.offsetAt(this.start) + text.length);
    this.expectedVersion = document.version;
  }
}
