/**
 * The messages gitlab-lsp exchanges beyond standard LSP. The names are those of GitLab's
 * official language server, so this file is the single place a rename would have to happen.
 * Nothing here imports `vscode`: the Node test speaks the same protocol through these types.
 */

export const FEATURE_STATE_CHANGE = '$/gitlab/featureStateChange';
export const TOKEN_CHECK = '$/gitlab/token/check';
export const API_ERROR = '$/gitlab/api/error';
export const API_RECOVERED = '$/gitlab/api/recovered';
export const STREAMING_COMPLETION_RESPONSE = 'streamingCompletionResponse';
export const CANCEL_STREAMING = 'cancelStreaming';
export const DID_CHANGE_DOCUMENT_IN_ACTIVE_EDITOR = '$/gitlab/didChangeDocumentInActiveEditor';

/**
 * The payload of `$/gitlab/didChangeDocumentInActiveEditor`. Sent as an object: a bare string
 * goes on the wire as `params: ["file:..."]` (JSON-RPC params are an array or an object),
 * which servers that expect the URI itself may not unwrap.
 */
export function activeEditorParams(uri: string): { uri: string } {
  return { uri };
}

/** The command an inline item carries when its text will arrive as a stream. */
export const START_STREAMING_COMMAND = 'gitlab.ls.startStreaming';
/** The command an accepted item carries so that acceptance is reported to telemetry. */
export const SUGGESTION_ACCEPTED_COMMAND = 'gitlab.ls.codeSuggestionAccepted';

export const CODE_SUGGESTIONS_FEATURE = 'code_suggestions';

export interface EngagedCheck {
  checkId: string;
  details?: string;
}

export interface FeatureState {
  featureId: string;
  engagedChecks: EngagedCheck[];
}

/** `$/gitlab/featureStateChange` carries one positional argument: the list of feature states. */
export type FeatureStateChangeParams = [FeatureState[]] | FeatureState[];

export interface TokenCheckParams {
  message?: string;
  reason?: string;
}

export interface StreamingCompletionResponse {
  id: string;
  /** The whole text generated so far, not a delta. */
  completion: string;
  done: boolean;
}

export interface CancelStreamingParams {
  id: string;
}
