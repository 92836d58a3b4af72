import type { AppErrorBody } from '../../shared/mattermost/app-error';

/**
 * A failure Mattermost answers with its AppError JSON. Handlers throw it; the HTTP layer turns
 * it into the body. `detailedError` reaches the wire only with EnableDeveloper, as in
 * Mattermost, but is always kept in the captured exchange. `causeId` names the inner error
 * that Mattermost wraps (server/channels/web/webhook.go: incomingWebhook); Mockmost shows it in its traffic view.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly id: string,
    message: string,
    readonly detailedError = '',
    readonly causeId?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(requestId: string | undefined, developer: boolean): AppErrorBody {
    const body: AppErrorBody = {
      id: this.id,
      message: this.message,
      detailed_error: developer ? this.detailedError : '',
      request_id: requestId,
      status_code: this.statusCode,
    };
    if (requestId === undefined) delete body.request_id;
    return body;
  }
}

export const sessionExpired = () =>
  new AppError(401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.');

export const noPermission = () => new AppError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');

export const invalidBodyParam = (name: string, detail = '') =>
  new AppError(400, 'api.context.invalid_body_param.app_error', `Invalid or missing ${name} in request body.`, detail);

export const invalidUrlParam = (name: string) =>
  new AppError(400, 'api.context.invalid_url_param.app_error', `Invalid or missing ${name} parameter in request URL.`);

export const bodyTooLarge = () =>
  new AppError(413, 'api.context.request_body_too_large.app_error', 'Unable to process request. Request body too large.');

/** c.SetInvalidParam: a query, form or body parameter Mattermost refuses. */
export const invalidParam = (name: string) => new AppError(400, 'api.context.invalid_param.app_error', `Invalid ${name} parameter.`);
