import { readAnswer } from '../../../shared/mattermost/app-error';

/** Mattermost's REST API as the UI calls it: same origin, with a session of the user it acts as. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

export async function rest<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v4${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { payload, error } = readAnswer(response.status, response.ok, await response.text());
  if (error) throw new RestError(response.status, error.id, error.message);
  return payload as T;
}
