// The few Mattermost and control API calls the benchmarks need to set up their runs.

export async function adminHeaders(base) {
  const login = await fetch(`${base}/api/v4/users/login`, {
    method: 'POST',
    body: JSON.stringify({ login_id: 'sysadmin', password: 'Sys@dmin-sample1' }),
  });
  return { Authorization: `Bearer ${login.headers.get('token')}` };
}

/** Creates an incoming webhook in a channel of team dev (town-square unless named) and answers its URL. */
export async function hookUrl(base, channelName = 'town-square') {
  const headers = await adminHeaders(base);
  const channel = await (await fetch(`${base}/api/v4/teams/name/dev/channels/name/${channelName}`, { headers })).json();
  const hook = await (
    await fetch(`${base}/api/v4/hooks/incoming`, { method: 'POST', headers, body: JSON.stringify({ channel_id: channel.id }) })
  ).json();
  return `${base}/hooks/${hook.id}`;
}

/** A webhook payload of about `bytes` bytes: a CI notification whose attachment text makes up the size. */
export function webhookPayload(bytes) {
  const attachment = {
    fallback: 'Build finished',
    color: '#36a64f',
    title: 'Build #1234',
    text: '',
    fields: [{ title: 'Branch', value: 'main', short: true }],
  };
  const base = { text: 'Build #1234 passed :white_check_mark:', username: 'ci', attachments: [attachment] };
  const filler = 'Step finished in 12 s. ';
  const room = Math.max(0, bytes - JSON.stringify(base).length);
  attachment.text = filler.repeat(Math.ceil(room / filler.length)).slice(0, room);
  return JSON.stringify(base);
}

/** Creates an open channel in team dev and answers its name. */
export async function createChannel(base, name) {
  const headers = await adminHeaders(base);
  const team = await (await fetch(`${base}/api/v4/teams/name/dev`, { headers })).json();
  const created = await fetch(`${base}/api/v4/channels`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ team_id: team.id, name, display_name: name, type: 'O' }),
  });
  if (created.status !== 201) throw new Error(`creating channel ${name}: HTTP ${created.status}`);
  return name;
}
