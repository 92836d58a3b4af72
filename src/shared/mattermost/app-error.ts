/** The JSON body of a Mattermost AppError, keys in Mattermost's order. */
export interface AppErrorBody {
  id: string;
  message: string;
  detailed_error: string;
  request_id?: string;
  status_code: number;
}

/**
 * A REST answer's body as a client reads it: the decoded JSON (null for an empty or undecodable
 * body) and, for an error status, Mattermost's error id and message, with fallbacks.
 */
export function readAnswer(status: number, ok: boolean, text: string): { payload: unknown; error?: { id: string; message: string } } {
  let payload: unknown = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  if (ok) return { payload };
  const body = (payload ?? {}) as { id?: unknown; message?: unknown };
  return {
    payload,
    error: {
      id: typeof body.id === 'string' ? body.id : 'unknown',
      message: typeof body.message === 'string' ? body.message : text || `HTTP ${status}`,
    },
  };
}
