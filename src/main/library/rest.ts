import { readAnswer } from '../../shared/mattermost/app-error';

/** A Mattermost error answer, as a test sees it: the status, Mattermost's error id and its message. */
export class MattermostError extends Error {
  override name = 'MattermostError';
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly path: string,
  ) {
    super(`${path} answered ${status} ${id}: ${message}`);
  }
}

/** Calls Mockmost's REST API (or control API) with a bearer token and answers the decoded JSON, or throws MattermostError. */
export async function call<T>(base: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { payload, error } = readAnswer(response.status, response.ok, await response.text());
  if (error) throw new MattermostError(response.status, error.id, error.message, `${method} ${path}`);
  return payload as T;
}
