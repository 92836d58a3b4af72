import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../src/main/store/open-database';
import type { SeedSummary } from '../../../src/shared/contract/control-api';
import type { Exchange } from '../../../src/shared/contract/exchange';
import type { Post, PostList } from '../../../src/shared/mattermost/model';
import type { TestCore } from '../helpers/test-core';
import type { FakeIntegration, IntegrationResponse } from '../helpers/fake-integration';
import { differences } from './match-expected';

/** One case of test/fixtures/vectors/server.json: what it sets up, sends and expects. */
export interface ServerVector {
  id: string;
  area: string;
  setup?: Record<string, unknown> & { steps?: VectorRequest[] };
  request: VectorRequest;
  integration_response?: IntegrationResponse;
  expect: Record<string, unknown>;
}

interface VectorRequest {
  as?: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  delay_ms?: number;
  integration_response?: IntegrationResponse;
}

const PASSWORDS: Record<string, string> = { sysadmin: 'Sys@dmin-sample1', 'user-1': 'SampleUs@r-1' };
const DEFAULT_CONFIG = { ServiceSettings: { AllowedUntrustedInternalConnections: '127.0.0.0/8 ::1/128 localhost' } };
const POST_WAIT_MS = 3000;
const QUIET_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class SetupError extends Error {}

/** Runs one vector against a running Mockmost; answers the list of failed checks (empty = pass). */
export class ServerVectorRunner {
  private vars = new Map<string, string>();
  private seed!: SeedSummary;
  private sessions = new Map<string, string>();

  constructor(
    private readonly server: TestCore,
    private readonly fake: FakeIntegration,
    private readonly integrationUrl: string,
  ) {}

  async run(vector: ServerVector): Promise<string[]> {
    await this.freshWorkspace();
    // {token:NAME} stands for a fresh session of NAME, so log those users in before filling.
    for (const [, name] of JSON.stringify(vector).matchAll(/\{token:([^}]+)\}/g)) await this.token(name!);
    const setup = vector.setup ?? {};
    await this.patchConfig(DEFAULT_CONFIG);
    if (setup.config) await this.patchConfig(setup.config);
    if (setup.incoming_hook) await this.createIncomingHook(setup.incoming_hook as Record<string, unknown>);
    if (setup.outgoing_hook) await this.createOutgoingHook(setup.outgoing_hook as Record<string, unknown>);
    if (setup.command) await this.createCommand(setup.command as Record<string, unknown>);
    if (setup.post) await this.createSetupPost(setup.post as Record<string, unknown>);
    for (const name of (setup.archive_channels as string[] | undefined) ?? []) {
      await this.expectOk(this.api('sysadmin', 'DELETE', `/api/v4/channels/${this.seed.channels.dev![name]}`), `archive ${name}`);
    }
    if (setup.config_after) await this.patchConfig(setup.config_after);
    const vectorResponse = (this.fill(vector.integration_response) as IntegrationResponse | undefined) ?? {};
    for (const step of setup.steps ?? []) {
      this.fake.response = step.integration_response ? (this.fill(step.integration_response) as IntegrationResponse) : vectorResponse;
      await this.send(step);
      await sleep(50);
    }
    // Fill the request while the steps' calls are still known: {trigger_id} and {response_url} come from them.
    const request = this.fill(vector.request) as VectorRequest;
    this.fake.calls.length = 0;
    this.fake.response = vectorResponse;

    const before = this.allPostIds();
    const ephemeralsBefore = new Set((await this.ephemerals()).map((e) => e.post.id));
    const response = await this.send(request);
    const text = await response.text();
    return this.check(vector, response, text, before, ephemeralsBefore);
  }

  // --- checks ---------------------------------------------------------------------------

  private async check(
    vector: ServerVector,
    response: Response,
    text: string,
    before: Set<string>,
    ephemeralsBefore: Set<string>,
  ): Promise<string[]> {
    const expect = this.fill(vector.expect) as Record<string, unknown>;
    const failures: string[] = [];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (expect.status !== undefined && response.status !== expect.status)
      failures.push(`status: expected ${expect.status}, got ${response.status} ${text.slice(0, 300)}`);
    if (expect.body !== undefined && text !== expect.body)
      failures.push(`body: expected ${JSON.stringify(expect.body)}, got ${JSON.stringify(text.slice(0, 300))}`);
    if (expect.headers) {
      const actual = Object.fromEntries([...response.headers.entries()].map(([k, v]) => [k.toLowerCase(), v]));
      const wanted = Object.fromEntries(Object.entries(expect.headers).map(([k, v]) => [k.toLowerCase(), v]));
      failures.push(...differences(wanted, actual, 'headers'));
    }
    if (expect.json !== undefined) failures.push(...differences(expect.json, json, 'json'));
    if (expect.error_id !== undefined)
      failures.push(...differences(expect.error_id, (json as { id?: unknown } | undefined)?.id, 'error_id'));
    if (expect.cause_id !== undefined) failures.push(...differences(expect.cause_id, (await this.lastExchange())?.error_id, 'cause_id'));
    if (expect.set_cookies !== undefined) {
      const names = response.headers.getSetCookie().map((c) => c.split('=')[0]);
      failures.push(...differences([...(expect.set_cookies as string[])].sort(), names.sort(), 'set_cookies'));
    }
    if (expect.posts !== undefined) failures.push(...(await this.checkPosts(vector, expect, before)));
    if (expect.no_post) {
      await sleep(QUIET_MS);
      const created = [...this.allPostIds()].filter((id) => !before.has(id));
      if (created.length > 0) failures.push(`no_post: ${created.length} post(s) were created`);
    }
    if (expect.post_after !== undefined) {
      const post = await (await this.api('sysadmin', 'GET', `/api/v4/posts/${this.vars.get('post_id')}`)).json();
      failures.push(...differences(expect.post_after, post, 'post_after'));
    }
    if (expect.ephemeral !== undefined)
      failures.push(...(await this.checkEphemeral(vector, expect.ephemeral as Record<string, unknown>[], ephemeralsBefore)));
    if (expect.outbound !== undefined || expect.outbound_count !== undefined) failures.push(...(await this.checkOutbound(expect)));
    if (expect.no_outbound) {
      await sleep(POST_WAIT_MS);
      if (this.fake.calls.length > 0) failures.push(`no_outbound: the integration got ${this.fake.calls.length} call(s)`);
    }
    return failures;
  }

  private async checkPosts(vector: ServerVector, expect: Record<string, unknown>, before: Set<string>): Promise<string[]> {
    const wanted = expect.posts as Record<string, unknown>[];
    const channelId = this.postsChannel(vector, expect.posts_channel as string | undefined);
    if (!channelId) return [`posts: no channel ${String(expect.posts_channel)}`];
    let created: Post[] = [];
    const deadline = Date.now() + POST_WAIT_MS;
    do {
      const list = (await (await this.api('sysadmin', 'GET', `/api/v4/channels/${channelId}/posts?per_page=200`)).json()) as PostList;
      created = Object.values(list.posts ?? {})
        .filter((post) => !before.has(post.id))
        .sort((a, b) => a.create_at - b.create_at);
      if (created.length >= wanted.length) break;
      await sleep(50);
    } while (Date.now() < deadline);
    if (created.length !== wanted.length)
      return [
        `posts: expected ${wanted.length} post(s), got ${created.length}: ${JSON.stringify(created.map((p) => p.message.slice(0, 80)))}`,
      ];
    return wanted.flatMap((item, i) => {
      const { root_of: rootOf, ...subset } = item;
      const post = created[i]!;
      const out = differences(subset, post, `posts[${i}]`);
      if (rootOf === 'trigger' && post.root_id !== created[0]!.id) out.push(`posts[${i}].root_id: expected the trigger post`);
      if (rootOf === 'setup' && post.root_id !== this.vars.get('post_id')) out.push(`posts[${i}].root_id: expected {post_id}`);
      return out;
    });
  }

  /** Ephemeral posts delivered by the request, oldest first, from Mockmost's log of deliveries. */
  private async checkEphemeral(vector: ServerVector, wanted: Record<string, unknown>[], before: Set<string>): Promise<string[]> {
    let delivered: { user_id: string; post: Post }[] = [];
    const deadline = Date.now() + POST_WAIT_MS;
    do {
      delivered = (await this.ephemerals()).filter((e) => !before.has(e.post.id)).reverse();
      if (delivered.length >= wanted.length) break;
      await sleep(50);
    } while (Date.now() < deadline);
    if (delivered.length !== wanted.length) return [`ephemeral: expected ${wanted.length}, got ${delivered.length}`];
    return wanted.flatMap((item, i) => {
      const { user = vector.request.as ?? 'sysadmin', ...subset } = item;
      const out = differences(subset, delivered[i]!.post, `ephemeral[${i}]`);
      if (delivered[i]!.user_id !== this.seed.users[user as string])
        out.push(`ephemeral[${i}]: delivered to another user than ${String(user)}`);
      return out;
    });
  }

  private async ephemerals(): Promise<{ user_id: string; post: Post }[]> {
    return (await (await this.server.control('/ephemerals?limit=1000')).json()) as { user_id: string; post: Post }[];
  }

  private async checkOutbound(expect: Record<string, unknown>): Promise<string[]> {
    const deadline = Date.now() + POST_WAIT_MS;
    const count = (expect.outbound_count as number | undefined) ?? 1;
    while (this.fake.calls.length < count && Date.now() < deadline) await sleep(50);
    const failures: string[] = [];
    if (expect.outbound_count !== undefined && this.fake.calls.length !== count) {
      failures.push(`outbound_count: expected ${count}, got ${this.fake.calls.length}`);
    }
    const wanted = expect.outbound as Record<string, unknown> | undefined;
    if (!wanted) return failures;
    const call = this.fake.calls[0];
    if (!call) return [...failures, 'outbound: the integration got no call'];
    const contentType = (call.headers['content-type'] ?? '').split(';')[0]!.trim();
    let fields: unknown = {};
    if (contentType === 'application/json') fields = JSON.parse(call.body || 'null');
    else if (contentType === 'application/x-www-form-urlencoded') fields = formFields(call.body);
    else if (call.method === 'GET') fields = call.query;
    const headers = Object.fromEntries(Object.entries(call.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const actual = { method: call.method, content_type: contentType, headers, query: call.query, fields };
    const expected = {
      ...wanted,
      headers: Object.fromEntries(Object.entries((wanted.headers as Record<string, unknown>) ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    };
    return [...failures, ...differences(expected, actual, 'outbound')];
  }

  // --- setup ----------------------------------------------------------------------------

  private async freshWorkspace(): Promise<void> {
    const response = await this.server.control('/workspace/reset', { method: 'POST', body: '{"exchanges":true}' });
    if (response.status !== 200) throw new SetupError(`reset failed: ${response.status}`);
    this.seed = (await response.json()) as SeedSummary;
    this.sessions.clear();
    this.fake.reset();
    const dev = this.seed.channels.dev!;
    this.vars = new Map([
      ['team_id', this.seed.teams.dev!],
      ['channel_id', dev['town-square']!],
      ['site_url', this.server.url],
      ['integration_url', this.integrationUrl],
    ]);
    for (const [name, id] of Object.entries(dev)) this.vars.set(`channel_id:${name}`, id);
    for (const [name, id] of Object.entries(this.seed.users)) this.vars.set(`user_id:${name}`, id);
  }

  private async patchConfig(patch: unknown): Promise<void> {
    await this.expectOk(this.api('sysadmin', 'PUT', '/api/v4/config/patch', this.fill(patch)), 'config patch');
  }

  private async createIncomingHook(spec: Record<string, unknown>): Promise<void> {
    const { channel = 'town-square', creator, ...rest } = spec;
    const body: Record<string, unknown> = { channel_id: this.seed.channels.dev![channel as string], ...rest };
    if (creator && creator !== 'sysadmin') body.user_id = this.seed.users[creator as string];
    const hook = await this.expectOk(this.api('sysadmin', 'POST', '/api/v4/hooks/incoming', body), 'incoming hook');
    this.vars.set('hook_id', hook.id as string);
  }

  private async createOutgoingHook(spec: Record<string, unknown>): Promise<void> {
    const { channel, callback_urls = ['{integration_url}'], ...rest } = spec;
    const body = this.fill({
      team_id: this.seed.teams.dev,
      channel_id: channel ? this.seed.channels.dev![channel as string] : '',
      callback_urls,
      ...rest,
    });
    const hook = await this.expectOk(this.api('sysadmin', 'POST', '/api/v4/hooks/outgoing', body), 'outgoing hook');
    this.vars.set('outgoing_hook_id', hook.id as string);
  }

  private async createCommand(spec: Record<string, unknown>): Promise<void> {
    const body = this.fill({ team_id: this.seed.teams.dev, method: 'P', url: '{integration_url}', ...spec });
    const command = await this.expectOk(this.api('sysadmin', 'POST', '/api/v4/commands', body), 'command');
    this.vars.set('command_id', command.id as string);
  }

  private async createSetupPost(spec: Record<string, unknown>): Promise<void> {
    const { as = 'sysadmin', channel = 'town-square', ...rest } = spec;
    const channelId = await this.channelIdFor(channel as string, as as string);
    const post = await this.expectOk(
      this.api(as as string, 'POST', '/api/v4/posts', this.fill({ channel_id: channelId, ...rest })),
      'post',
    );
    this.vars.set('post_id', post.id as string);
    const actions = (post.props as { attachments?: { actions?: { id: string }[] }[] } | undefined)?.attachments?.[0]?.actions;
    if (actions?.[0]) this.vars.set('action_id', actions[0].id);
  }

  private async channelIdFor(channel: string, as: string): Promise<string> {
    if (!channel.startsWith('@')) return this.seed.channels.dev![channel]!;
    const direct = await this.expectOk(
      this.api(as, 'POST', '/api/v4/channels/direct', [this.seed.users[as], this.seed.users[channel.slice(1)]]),
      'direct channel',
    );
    return direct.id as string;
  }

  private postsChannel(vector: ServerVector, name: string | undefined): string | undefined {
    if (name?.startsWith('@')) {
      const hookCreator = (vector.setup?.incoming_hook as { creator?: string } | undefined)?.creator ?? 'sysadmin';
      const ids = [this.seed.users[hookCreator]!, this.seed.users[name.slice(1)]!].sort();
      return this.server.core.store.channels.byName('', ids.join('__'))?.id;
    }
    if (name) return this.seed.channels.dev![name];
    const hook = vector.setup?.incoming_hook as { channel?: string } | undefined;
    if (hook) return this.seed.channels.dev![hook.channel ?? 'town-square'];
    const body = this.fill(vector.request.body) as { channel_id?: string } | undefined;
    return body?.channel_id ?? this.seed.channels.dev!['town-square'];
  }

  // --- plumbing ---------------------------------------------------------------------------

  private async token(user: string): Promise<string> {
    let token = this.sessions.get(user);
    if (!token) {
      const response = await fetch(`${this.server.url}/api/v4/users/login`, {
        method: 'POST',
        body: JSON.stringify({ login_id: user, password: PASSWORDS[user] }),
      });
      if (response.status !== 200) throw new SetupError(`login as ${user}: ${response.status}`);
      token = response.headers.get('token')!;
      this.sessions.set(user, token);
    }
    return token;
  }

  private async api(as: string, method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await this.token(as)}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  private async expectOk(pending: Promise<Response>, what: string): Promise<Record<string, unknown>> {
    const response = await pending;
    const text = await response.text();
    if (response.status >= 300) throw new SetupError(`setup ${what} failed: ${response.status} ${text.slice(0, 200)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  private async send(request: VectorRequest): Promise<Response> {
    const filled = this.fill(request) as VectorRequest;
    const headers: Record<string, string> = { ...filled.headers };
    if (filled.as && filled.as !== 'none') headers.Authorization = `Bearer ${await this.token(filled.as)}`;
    let body: string | undefined;
    if (typeof filled.body === 'string') body = filled.body;
    else if (filled.body !== undefined) {
      body = JSON.stringify(filled.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    }
    if (filled.delay_ms) await sleep(filled.delay_ms);
    const path = filled.path.startsWith('http') ? filled.path : `${this.server.url}${filled.path}`;
    // undici's fetch adds a text/plain Content-Type to string bodies; a Blob without a type sends none.
    return fetch(path, { method: filled.method, headers, body: body === undefined ? undefined : new Blob([body]) });
  }

  private async lastExchange(): Promise<Exchange | undefined> {
    const list = (await (await this.server.control('/exchanges?limit=1')).json()) as Exchange[];
    return list[0];
  }

  /** Every post id in the database, read on a connection of the test's own (the store keeps its own private). */
  private allPostIds(): Set<string> {
    const db = new Database(join(this.server.dataDir, DATABASE_FILE), { readonly: true });
    try {
      return new Set(db.prepare('SELECT id FROM posts').pluck().all() as string[]);
    } finally {
      db.close();
    }
  }

  /** Replaces the placeholders ({channel_id}, {user_id:NAME}, {repeat:N:S} …) in every string and key. */
  fill(value: unknown): unknown {
    if (typeof value === 'string') return this.fillString(value);
    if (Array.isArray(value)) return value.map((item) => this.fill(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.fillString(k), this.fill(v)]));
    }
    return value;
  }

  private fillString(text: string): string {
    return text.replace(/\{([a-z_]+(?::[^{}]*)?)\}/g, (whole, key: string) => {
      const repeat = /^repeat:(\d+):([\s\S]*)$/.exec(key);
      if (repeat) return repeat[2]!.repeat(Number(repeat[1]));
      if (key === 'trigger_id') return String(this.lastField('trigger_id') ?? whole);
      if (key === 'response_url') {
        const url = this.lastField('response_url');
        return url ? new URL(String(url)).pathname : whole;
      }
      if (key.startsWith('token:')) return this.sessions.get(key.slice(6)) ?? whole;
      return this.vars.get(key) ?? whole;
    });
  }

  private lastField(name: string): unknown {
    for (const call of [...this.fake.calls].reverse()) {
      const type = (call.headers['content-type'] ?? '').split(';')[0];
      const fields =
        type === 'application/json'
          ? (JSON.parse(call.body || '{}') as Record<string, unknown>)
          : type
            ? formFields(call.body)
            : call.query;
      if (fields[name] !== undefined) return fields[name];
    }
    return undefined;
  }
}

function formFields(body: string): Record<string, string | string[]> {
  const params = new URLSearchParams(body);
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}
