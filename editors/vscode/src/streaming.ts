/**
 * Follows the streams the server opens for code generations. Each
 * `streamingCompletionResponse` carries the whole text so far, so a stream's state is its last
 * message; the tracker only has to route messages to the stream that asked for them and tell
 * the waiting side when a stream ends.
 */

import { StreamingCompletionResponse } from './protocol';

/** How many unclaimed streams to remember; older ones are dropped so memory stays bounded. */
const MAX_EARLY_STREAMS = 16;

export type StreamListener = (text: string, done: boolean) => void;

export class UnknownStreamError extends Error {
  constructor(readonly streamId: string) {
    super(`no stream with id ${streamId} is being followed`);
  }
}

export class StreamCancelledError extends Error {
  constructor(readonly streamId: string) {
    super(`stream ${streamId} was cancelled`);
  }
}

interface Stream {
  text: string;
  listener: StreamListener;
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

export class StreamTracker {
  private readonly streams = new Map<string, Stream>();
  /** Messages that arrived before the stream was followed (the command may run late). */
  private readonly early = new Map<string, StreamingCompletionResponse>();

  /** Starts following a stream; the promise gives the final text once `done` arrives. */
  follow(streamId: string, listener: StreamListener = () => undefined): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const stream: Stream = { text: '', listener, resolve, reject };
      this.streams.set(streamId, stream);
      const pending = this.early.get(streamId);
      if (pending !== undefined) {
        this.early.delete(streamId);
        this.receive(pending);
      }
    });
  }

  /** Handles one `streamingCompletionResponse`; returns false for a stream nobody follows. */
  receive(message: StreamingCompletionResponse): boolean {
    const stream = this.streams.get(message.id);
    if (stream === undefined) {
      this.early.delete(message.id);
      this.early.set(message.id, message);
      if (this.early.size > MAX_EARLY_STREAMS) {
        const oldest = this.early.keys().next().value;
        if (oldest !== undefined) {
          this.early.delete(oldest);
        }
      }
      return false;
    }
    stream.text = message.completion;
    stream.listener(stream.text, message.done);
    if (message.done) {
      this.streams.delete(message.id);
      stream.resolve(stream.text);
    }
    return true;
  }

  /** Stops following a stream; the caller tells the server with `cancelStreaming`. */
  cancel(streamId: string): void {
    const stream = this.streams.get(streamId);
    if (stream === undefined) {
      throw new UnknownStreamError(streamId);
    }
    this.streams.delete(streamId);
    stream.reject(new StreamCancelledError(streamId));
  }

  active(): string[] {
    return [...this.streams.keys()];
  }
}

/** The part of an inline item that matters here; VS Code's and LSP's items both fit. */
export interface CommandCarrier {
  command?: { command: string; arguments?: unknown[] };
}

/**
 * The stream a suggestion list announces: the server answers a generation with one empty item
 * whose command is `gitlab.ls.startStreaming` with `[streamId, trackingId]`.
 */
export function announcedStream(
  items: readonly CommandCarrier[],
  startCommand: string,
): { streamId: string; trackingId?: string } | undefined {
  for (const item of items) {
    const args = item.command?.command === startCommand ? item.command.arguments : undefined;
    if (args !== undefined && typeof args[0] === 'string') {
      return {
        streamId: args[0],
        trackingId: typeof args[1] === 'string' ? args[1] : undefined,
      };
    }
  }
  return undefined;
}

/** Where a streamed generation started: it is shown as a suggestion anchored there. */
export interface StreamAnchor {
  uri: string;
  line: number;
  character: number;
}

/**
 * The suggestion to show for a stream when the editor asks at (uri, line, character), having
 * typed `typed` since the anchor on that line; undefined once the user went elsewhere or typed
 * something the generation does not start with (the stream is then abandoned).
 */
export function streamedSuggestion(
  anchor: StreamAnchor,
  text: string,
  at: StreamAnchor,
  typed: string,
): string | undefined {
  if (at.uri !== anchor.uri || at.line !== anchor.line || at.character < anchor.character) {
    return undefined;
  }
  return text.startsWith(typed) ? text : undefined;
}
