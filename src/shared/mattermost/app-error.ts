/** The JSON body of a Mattermost AppError, keys in Mattermost's order. */
export interface AppErrorBody {
  id: string;
  message: string;
  detailed_error: string;
  request_id?: string;
  status_code: number;
}
