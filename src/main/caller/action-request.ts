import type { Diagnosis } from '../../shared/contract/exchange';
import type { Core } from '../core/core';
import { decodeAs, GoJsonError, type GoType } from '../../shared/mattermost/go-json';
import { answerFindings } from '../diagnostics/answer-findings';
import { diagnose } from '../diagnostics/catalog';
import { AppError } from '../workspace/app-error';
import { CallFailed, callIntegration, type IntegrationAnswer, type IntegrationCall } from './call-integration';

/** Mattermost's one answer for every failed action or dialog call (server/channels/app/integration_action.go: DoActionRequest; G29). */
export const actionError = (detail = '') =>
  new AppError(400, 'api.post.do_action.action_integration.app_error', 'Action integration error.', detail);

export interface ActionRequest {
  kind: 'action' | 'dialog';
  url: string;
  body: string;
  links: IntegrationCall['links'];
  /** The clicking user's session token: Mattermost hands it to its own plugin routes. */
  sessionToken: string;
}

/**
 * POSTs JSON to an action or dialog URL as Mattermost's DoActionRequest does: only a 200 is a
 * success; anything else (refused address, timeout, other status) is the generic action error.
 * Relative `/plugins/…` URLs go to server plugins, which Mockmost does not have.
 */
export async function postToAction(core: Core, request: ActionRequest): Promise<IntegrationAnswer> {
  const settings = core.config().ServiceSettings ?? {};
  if (/^\/?plugins\//.test(request.url)) throw actionError(`plugin URLs need a Mattermost plugin: ${request.url}`);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const siteUrl = String(settings.SiteURL ?? '');
  try {
    const target = new URL(request.url);
    if (siteUrl && target.hostname === new URL(siteUrl).hostname && /^\/plugins(\/|$)/.test(target.pathname)) {
      headers.Authorization = `Bearer ${request.sessionToken}`;
    }
  } catch {
    // A URL that does not parse fails in callIntegration, which records why.
  }
  let answer: IntegrationAnswer;
  try {
    answer = await callIntegration(core, {
      kind: request.kind,
      method: 'POST',
      url: request.url,
      headers,
      body: request.body,
      links: request.links,
    });
  } catch (error) {
    if (error instanceof CallFailed) throw actionError(`err=${error.message}`);
    throw error;
  }
  if (answer.status !== 200) {
    // 2xx other than 200 gets no diagnosis from the call itself; Mattermost still fails it.
    if (answer.status >= 200 && answer.status <= 299) note(core, answer.exchangeId, diagnose.integrationStatus(answer.status, answer.body));
    throw actionError(`status=${answer.status}`);
  }
  return answer;
}

/** Adds findings made once the answer is read to its captured exchange. */
export function note(core: Core, exchangeId: number, ...findings: Diagnosis[]): void {
  if (findings.length === 0) return;
  core.store.batch.run(() => {
    for (const finding of findings) core.store.exchanges.addDiagnosis(exchangeId, finding);
  });
}

/**
 * Reads an integration's answer as Go's json.Unmarshal into a struct of `type` (the whole body
 * one JSON value, types checked). Records why it could not, and what Mattermost silently drops
 * (unknown or ignored keys), on the exchange; throws `failure(reason)` when it cannot be read.
 */
export function decodeAnswer<T>(
  core: Core,
  answer: IntegrationAnswer,
  type: GoType,
  keys: { known: readonly string[]; ignored?: Record<string, string> },
  failure: (reason: string) => Error,
): T {
  let raw: unknown;
  let decoded: T;
  try {
    raw = JSON.parse(answer.body.toString('utf8'));
    decoded = (decodeAs(raw, type) ?? {}) as T;
  } catch (error) {
    if (!(error instanceof SyntaxError) && !(error instanceof GoJsonError)) throw error;
    note(core, answer.exchangeId, diagnose.invalidJson(error.message));
    throw failure(error.message);
  }
  note(core, answer.exchangeId, ...answerFindings(raw, keys.known, keys.ignored));
  return decoded;
}
