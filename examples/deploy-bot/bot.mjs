// A small deploy bot, written as an integration's author would write it against Mattermost:
//   /deploy <env>      answers in the channel with Approve / Reject buttons
//   Approve            updates the post and opens a dialog asking why
//   the dialog         posts "Deploying <env>: <reason>" through an incoming webhook
//   "status" (outgoing webhook trigger word) answers "all systems go"
// Configuration: MATTERMOST_URL, INCOMING_HOOK_URL (for the dialog's result), PORT (0: any).
import { createServer } from 'node:http';

/** Starts the bot; answers its URL and a function that stops it. */
export async function startDeployBot({ mattermostUrl, incomingHookUrl, port = 0 }) {
  let self = '';
  const routes = {
    // The slash command: Mattermost sends a form body.
    '/command': (form) => ({
      response_type: 'in_channel',
      attachments: [
        {
          title: `Deploy ${form.text || 'staging'}?`,
          text: `Requested by @${form.user_name}`,
          actions: [
            {
              id: 'approve',
              name: 'Approve',
              integration: { url: `${self}/action`, context: { env: form.text || 'staging', verdict: 'approve' } },
            },
            {
              id: 'reject',
              name: 'Reject',
              style: 'danger',
              integration: { url: `${self}/action`, context: { env: form.text || 'staging', verdict: 'reject' } },
            },
          ],
        },
      ],
    }),
    // A button: Mattermost posts JSON with the context and a trigger id for a dialog.
    '/action': async (click) => {
      const { env, verdict } = click.context;
      if (verdict === 'approve') {
        await fetch(`${mattermostUrl}/api/v4/actions/dialogs/open`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            trigger_id: click.trigger_id,
            url: `${self}/dialog`,
            dialog: {
              callback_id: 'deploy',
              title: `Deploy ${env}`,
              state: env,
              elements: [{ display_name: 'Reason', name: 'reason', type: 'text' }],
            },
          }),
        });
      }
      return { update: { message: `${verdict === 'approve' ? 'Approved' : 'Rejected'} by @${click.user_name} (${env})`, props: {} } };
    },
    // The dialog's submission: post the result through the incoming webhook.
    '/dialog': async (submission) => {
      if (submission.cancelled) return {};
      if (!submission.submission.reason) return { errors: { reason: 'Say why.' } };
      await fetch(incomingHookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: `Deploying ${submission.state}: ${submission.submission.reason}`, username: 'deploy-bot' }),
      });
      return {};
    },
    // The outgoing webhook: a form body with the trigger word.
    '/outgoing': (form) => (form.trigger_word === 'status' ? { text: 'all systems go' } : {}),
  };
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString();
    const body = req.headers['content-type']?.startsWith('application/json')
      ? JSON.parse(raw)
      : Object.fromEntries(new URLSearchParams(raw));
    const route = routes[new URL(req.url, 'http://bot').pathname];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(await route(body)));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${server.address().port}`;
  return { url: self, stop: () => new Promise((resolve) => server.close(resolve)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bot = await startDeployBot({
    mattermostUrl: process.env.MATTERMOST_URL,
    incomingHookUrl: process.env.INCOMING_HOOK_URL,
    port: Number(process.env.PORT ?? 0),
  });
  process.stdout.write(`${JSON.stringify({ url: bot.url })}\n`);
  process.on('SIGTERM', () => bot.stop().then(() => process.exit(0)));
}
