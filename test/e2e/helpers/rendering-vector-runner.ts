import type { Page } from '@playwright/test';
import type { ServeProcess } from '../../helpers/serve-process';

/** One case of test/fixtures/vectors/rendering.json: a post to make and what the DOM must show. */
export interface RenderingVector {
  id: string;
  area: string;
  via: 'rest' | 'webhook';
  post: {
    message: string;
    props?: Record<string, unknown>;
    metadata?: unknown;
    override_username?: string;
    override_icon_url?: string;
    from_bot?: boolean;
  };
  expect: ElementExpectation[];
  absent?: string[];
  no_script?: boolean;
  config?: Record<string, unknown>;
  ephemeral?: boolean;
}

interface ElementExpectation {
  selector: string;
  count?: number;
  text?: string;
  contains?: string;
  attr?: Record<string, string>;
  prop?: Record<string, string>;
  css?: Record<string, string>;
}

/** Creates each vector's post through Mockmost's real API and checks the DOM the UI draws. */
export class RenderingVectorRunner {
  private token = '';
  private userOneToken = '';
  private hookId = '';
  private channelId = '';
  private sysadminId = '';

  constructor(private readonly serve: ServeProcess) {}

  async prepare(): Promise<void> {
    this.token = await this.login('sysadmin', 'Sys@dmin-sample1');
    this.userOneToken = await this.login('user-1', 'SampleUs@r-1');
    const channel = await this.api(this.token, 'GET', '/api/v4/teams/name/dev/channels/name/town-square');
    this.channelId = channel.id as string;
    this.sysadminId = (await this.api(this.token, 'GET', '/api/v4/users/me')).id as string;
    this.hookId = (await this.api(this.token, 'POST', '/api/v4/hooks/incoming', { channel_id: this.channelId, display_name: 'vectors' }))
      .id as string;
  }

  /** Answers the failed checks (empty = pass). */
  async run(page: Page, vector: RenderingVector): Promise<string[]> {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const restore = vector.config ? await this.api(this.token, 'GET', '/api/v4/config') : undefined;
    try {
      if (vector.config) await this.api(this.token, 'PUT', '/api/v4/config/patch', vector.config);
      const postId = await this.createPost(vector, page);
      if (!vector.ephemeral) await page.goto(`${this.serve.url}/dev/channels/town-square`);
      const root = page.locator(`[id="post_${postId}"]`);
      await root.waitFor({ timeout: 5000 });
      await page.waitForTimeout(300);
      const fill = (text: string) => text.replaceAll('{post_id}', postId).replaceAll('{site_url}', this.serve.url);
      const args: CheckArgs = {
        postId,
        expect: JSON.parse(fill(JSON.stringify(vector.expect))) as ElementExpectation[],
        absent: (vector.absent ?? []).map(fill),
        noScript: vector.no_script === true,
      };
      const failures = await page.evaluate(checkInPage, args);
      if (vector.no_script && dialogs.length > 0) failures.push(`no_script: a dialog opened: ${dialogs.join(' | ')}`);
      return failures;
    } finally {
      if (restore) await this.api(this.token, 'PUT', '/api/v4/config', restore);
    }
  }

  private async createPost(vector: RenderingVector, page: Page): Promise<string> {
    const { message, props, metadata, override_username: username, override_icon_url: iconUrl } = vector.post;
    if (vector.ephemeral) {
      await page.goto(`${this.serve.url}/dev/channels/town-square`);
      const post = await this.api(this.token, 'POST', '/api/v4/posts/ephemeral', {
        user_id: this.sysadminId,
        post: { channel_id: this.channelId, message, props },
      });
      return post.id as string;
    }
    if (vector.via === 'webhook') {
      const { attachments, ...otherProps } = props ?? {};
      const payload: Record<string, unknown> = { text: message };
      if (attachments !== undefined) payload.attachments = attachments;
      if (username !== undefined) payload.username = username;
      if (iconUrl !== undefined) payload.icon_url = iconUrl;
      if (Object.keys(otherProps).length > 0) payload.props = otherProps;
      const response = await fetch(`${this.serve.url}/hooks/${this.hookId}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      if (response.status !== 200) throw new Error(`webhook post failed: ${response.status} ${await response.text()}`);
      const list = await this.api(this.token, 'GET', `/api/v4/channels/${this.channelId}/posts?per_page=1`);
      return (list.order as string[])[0]!;
    }
    if (vector.post.from_bot) throw new Error('bot posts need the bots API (issue 4)');
    // A separator by another user, so the vector post starts its own author group.
    await this.api(this.userOneToken, 'POST', '/api/v4/posts', { channel_id: this.channelId, message: 'separator' });
    const post = await this.api(this.token, 'POST', '/api/v4/posts', { channel_id: this.channelId, message, props, metadata });
    return post.id as string;
  }

  private async login(username: string, password: string): Promise<string> {
    const response = await fetch(`${this.serve.url}/api/v4/users/login`, {
      method: 'POST',
      body: JSON.stringify({ login_id: username, password }),
    });
    return response.headers.get('token')!;
  }

  private async api(token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.serve.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path} failed: ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as Record<string, unknown>;
  }
}

/** Runs in the page: the vectors' evaluation rules (selectors, text, attributes, absence). */
interface CheckArgs {
  postId: string;
  expect: ElementExpectation[];
  absent: string[];
  noScript: boolean;
}

function checkInPage(args: CheckArgs): string[] {
  const failures: string[] = [];
  const root = document.getElementById(`post_${args.postId}`)!;
  const candidates = [root, ...Array.from(root.querySelectorAll('*'))];
  const matching = (selector: string) => {
    try {
      return candidates.filter((el) => el.matches(selector));
    } catch {
      failures.push(`invalid selector ${selector}`);
      return [];
    }
  };
  for (const e of args.expect) {
    const found = matching(e.selector);
    if (e.count !== undefined ? found.length !== e.count : found.length === 0) {
      failures.push(`${e.selector}: expected ${e.count ?? 'at least 1'} match(es), got ${found.length}`);
      continue;
    }
    const first = found[0];
    if (!first) continue;
    const text = (first.textContent ?? '').trim();
    if (e.text !== undefined && text !== e.text) failures.push(`${e.selector}: text ${JSON.stringify(text)} ≠ ${JSON.stringify(e.text)}`);
    if (e.contains !== undefined && !text.includes(e.contains))
      failures.push(`${e.selector}: text ${JSON.stringify(text)} lacks ${JSON.stringify(e.contains)}`);
    for (const [name, value] of Object.entries(e.attr ?? {})) {
      if (first.getAttribute(name) !== value)
        failures.push(`${e.selector}: [${name}] ${JSON.stringify(first.getAttribute(name))} ≠ ${JSON.stringify(value)}`);
    }
    for (const [name, value] of Object.entries(e.prop ?? {})) {
      const actual = String((first as unknown as Record<string, unknown>)[name]);
      if (actual !== String(value)) failures.push(`${e.selector}: .${name} ${JSON.stringify(actual)} ≠ ${JSON.stringify(value)}`);
    }
    for (const [name, value] of Object.entries(e.css ?? {})) {
      const actual = getComputedStyle(first).getPropertyValue(name);
      if (actual !== value) failures.push(`${e.selector}: css ${name} ${JSON.stringify(actual)} ≠ ${JSON.stringify(value)}`);
    }
  }
  for (const selector of args.absent) {
    const found = matching(selector);
    if (found.length > 0) failures.push(`absent ${selector}: ${found.length} match(es)`);
  }
  if (args.noScript) {
    if ((window as unknown as { __mm_xss?: unknown }).__mm_xss !== undefined) failures.push('no_script: window.__mm_xss was set');
    for (const el of candidates) {
      for (const attr of Array.from(el.attributes))
        if (attr.name.toLowerCase().startsWith('on')) failures.push(`no_script: ${el.tagName} has ${attr.name}`);
    }
    for (const a of Array.from(root.querySelectorAll('a[href]'))) {
      if (/^\s*(javascript|vbscript|data):/i.test(a.getAttribute('href') ?? ''))
        failures.push(`no_script: link to ${a.getAttribute('href')}`);
    }
  }
  return failures;
}
