/**
 * What the status bar says, decided from `$/gitlab/featureStateChange` alone. The server names
 * the checks that currently stop suggestions; an empty list means suggestions are on.
 */

import { CODE_SUGGESTIONS_FEATURE, FeatureState, FeatureStateChangeParams } from './protocol';

export type StatusKind = 'starting' | 'ready' | 'attention' | 'disabled';

export interface StatusView {
  kind: StatusKind;
  text: string;
  tooltip: string;
}

const CHECK_MESSAGES: Record<string, { kind: StatusKind; message: string }> = {
  'authentication-required': {
    kind: 'attention',
    message: 'Sign in: set a GitLab token (command "GitLab: Set Token")',
  },
  'code-suggestions-api-error': {
    kind: 'attention',
    message: 'GitLab could not be reached; suggestions resume when it answers',
  },
  'code-suggestions-document-unsupported-language': {
    kind: 'disabled',
    message: 'This language is not supported by Code Suggestions',
  },
  'code-suggestions-document-disabled-language': {
    kind: 'disabled',
    message: 'Code Suggestions are turned off for this language',
  },
  'code-suggestions-unsupported-gitlab-version': {
    kind: 'attention',
    message: 'This GitLab instance is too old for Code Suggestions',
  },
};

export const STARTING: StatusView = {
  kind: 'starting',
  text: '$(loading~spin) GitLab',
  tooltip: 'GitLab Code Suggestions: starting the language server',
};

/** The server sends the list either bare or wrapped as its single positional argument. */
export function featureStates(params: FeatureStateChangeParams): FeatureState[] {
  if (params.length === 1 && Array.isArray(params[0])) {
    return params[0];
  }
  return params as FeatureState[];
}

export function describeFeatureState(params: FeatureStateChangeParams): StatusView {
  const state = featureStates(params).find((s) => s.featureId === CODE_SUGGESTIONS_FEATURE);
  if (state === undefined || state.engagedChecks.length === 0) {
    return {
      kind: 'ready',
      text: '$(check) GitLab',
      tooltip: 'GitLab Code Suggestions: ready',
    };
  }
  const lines = state.engagedChecks.map((check) => {
    const known = CHECK_MESSAGES[check.checkId];
    const message = known?.message ?? check.checkId;
    return check.details ? `${message} (${check.details})` : message;
  });
  const worst = state.engagedChecks.some(
    (check) => (CHECK_MESSAGES[check.checkId]?.kind ?? 'attention') === 'attention',
  )
    ? 'attention'
    : 'disabled';
  return {
    kind: worst,
    text: worst === 'attention' ? '$(warning) GitLab' : '$(circle-slash) GitLab',
    tooltip: `GitLab Code Suggestions:\n${lines.join('\n')}`,
  };
}
