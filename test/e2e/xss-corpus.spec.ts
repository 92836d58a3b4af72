import type { Client4 } from '@mattermost/client';
import type { ServeProcess } from '../helpers/serve-process';
import { serveWithHook } from './helpers/serve-with-hook';
import { expect, test } from '@playwright/test';
import { MARKUP_PAYLOADS, markupVariants, URL_PAYLOADS } from '../fixtures/xss-payloads';

let serve: ServeProcess;
let hookUrl: string;

test.beforeAll(async () => {
  let client: Client4;
  ({ serve, client, hookUrl } = await serveWithHook('off-topic'));
  await client.patchConfig({ ServiceSettings: { EnablePostUsernameOverride: true, EnablePostIconOverride: true } } as never);
});
test.afterAll(() => serve.cleanup());

/** Every payload in every field a webhook post renders: message, attachment texts, URLs, labels, names. */
function webhookPayloads(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const variants = markupVariants();
  // Three message payloads per post, each its own paragraph, keep the channel under the view's 200 posts.
  for (let i = 0; i < variants.length; i += 3) out.push({ text: variants.slice(i, i + 3).join('\n\n'), username: variants[i] });
  for (const p of MARKUP_PAYLOADS) {
    out.push({
      attachments: [
        {
          pretext: p,
          text: p,
          title: p,
          author_name: p,
          footer: p,
          fields: [
            { title: p, value: p, short: true },
            { title: 'v', value: p, short: false },
          ],
          actions: [
            { id: 'b1', name: p, integration: { url: 'http://127.0.0.1:9/x' } },
            { id: 's1', name: p, type: 'select', options: [{ text: p, value: p }], integration: { url: 'http://127.0.0.1:9/x' } },
          ],
        },
      ],
    });
  }
  for (const url of URL_PAYLOADS) {
    out.push({
      text: `[link](${url}) ![img](${url})`,
      icon_url: url,
      attachments: [
        {
          title: 't',
          title_link: url,
          author_name: 'a',
          author_link: url,
          author_icon: url,
          image_url: url,
          thumb_url: url,
          footer: 'f',
          footer_icon: url,
        },
      ],
    });
  }
  return out;
}

const title = `renders ${markupVariants().length + URL_PAYLOADS.length} hostile payloads in messages, usernames, attachment fields, labels and URLs without running anything`;

test(title, async ({ page }) => {
  const payloads = webhookPayloads();
  for (const payload of payloads) {
    const response = await fetch(hookUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(response.status, JSON.stringify(payload).slice(0, 200)).toBe(200);
  }
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${serve.url}/dev/channels/off-topic`);
  await expect(page.locator('#postListContent [data-testid="postView"]')).toHaveCount(payloads.length);
  // Focus and hover everything once, so that focus and mouse handlers would fire if they existed.
  await page.locator('#postListContent input').first().focus();
  await page.mouse.move(600, 400);
  await page.waitForTimeout(1000);
  const findings = await page.evaluate(() => {
    const root = document.getElementById('postListContent')!;
    const all = [root, ...Array.from(root.querySelectorAll('*'))];
    return {
      xss: (window as { __mm_xss?: unknown }).__mm_xss,
      handlers: all.flatMap((el) =>
        Array.from(el.attributes)
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `${el.tagName}[${a.name}]`),
      ),
      dangerousTags: Array.from(root.querySelectorAll('script, iframe, object, embed, svg, math, style, video, details, body')).map(
        (el) => el.tagName,
      ),
      dangerousUrls: Array.from(root.querySelectorAll('[href], [src]'))
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
        .filter((url) => /^(javascript|vbscript|data):/i.test(url.replace(/\s/g, ''))),
    };
  });
  expect(findings).toEqual({ xss: undefined, handlers: [], dangerousTags: [], dangerousUrls: [] });
  expect(dialogs).toEqual([]);
  // And the text is still shown, escaped, where Mattermost shows it.
  await expect(page.locator('#postListContent').getByText('<script>window.__mm_xss=1</script>', { exact: true }).first()).toBeVisible();
});
