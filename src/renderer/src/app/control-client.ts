import type { ControlApi, ControlRoute } from '../../../shared/contract/control-api';

const TOKEN_KEY = 'mockmost-control-token';

/** The control token: written into the page by the server for loopback users, else typed in once. */
export function findControlToken(): string | null {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="mockmost-control-token"]');
  return meta?.content || sessionStorage.getItem(TOKEN_KEY);
}

export function rememberControlToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

type Call<R extends ControlRoute> = {
  query?: ControlApi[R]['query'];
  body?: ControlApi[R]['body'];
  params?: Record<string, string | number>;
};

/** Typed calls to the control API: `control.call('GET /view/channel', { query })`. */
export class ControlClient {
  constructor(private readonly token: string) {}

  async call<R extends ControlRoute>(route: R, { query, body, params }: Call<R> = {}): Promise<ControlApi[R]['res']> {
    const [method, pattern] = route.split(' ') as [string, string];
    const path = pattern.replace(/:([a-z]+)/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
    const search = query ? `?${new URLSearchParams(query as Record<string, string>).toString()}` : '';
    const response = await fetch(`/_mockmost/api${path}${search}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => null)) as { id?: string; message?: string } | null;
    if (!response.ok) {
      throw new ControlError(response.status, payload?.id ?? 'unknown', payload?.message ?? `HTTP ${response.status}`);
    }
    return payload as ControlApi[R]['res'];
  }
}
