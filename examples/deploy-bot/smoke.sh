#!/usr/bin/env bash
# The deploy bot tested from a shell, the way a pytest fixture or a Go TestMain would do it:
# spawn `mockmost serve --port 0 --json`, read its one line of stdout, and talk to it with curl.
set -euo pipefail
[ -n "${SMOKE_TRACE:-}" ] && set -x
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
server='' bot=''
trap '[ -n "$bot" ] && kill "$bot"; [ -n "$server" ] && kill "$server"; wait; rm -rf "$work"' EXIT

# A field of a JSON document on stdin (node is there: Mockmost runs on it).
json() { node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => process.stdout.write(String(JSON.parse(s)[process.argv[1]])))' "$1"; }
# Waits until a process has written its first line.
first_line() { until [ -s "$1" ]; do sleep 0.1; done; head -n 1 "$1"; }

node "$root/bin/mockmost.js" serve --port 0 --json --data "$work/data" > "$work/serve.out" &
server=$!
started=$(first_line "$work/serve.out")
url=$(json url <<< "$started")

token=$(curl -fsS -D - -o /dev/null -X POST "$url/api/v4/users/login" -d '{"login_id":"sysadmin","password":"Sys@dmin-sample1"}' |
  tr -d '\r' | sed -n 's/^[Tt]oken: //p')
auth="Authorization: Bearer $token"
team=$(curl -fsS "$url/api/v4/teams/name/dev" -H "$auth" | json id)
channel=$(curl -fsS "$url/api/v4/teams/$team/channels/name/town-square" -H "$auth" | json id)
hook=$(curl -fsS -X POST "$url/api/v4/hooks/incoming" -H "$auth" -d "{\"channel_id\":\"$channel\"}" | json id)

MATTERMOST_URL=$url INCOMING_HOOK_URL=$url/hooks/$hook node "$here/bot.mjs" > "$work/bot.out" &
bot=$!
bot_url=$(first_line "$work/bot.out" | json url)

curl -fsS -o /dev/null -X POST "$url/api/v4/commands" -H "$auth" \
  -d "{\"team_id\":\"$team\",\"trigger\":\"deploy\",\"method\":\"P\",\"url\":\"$bot_url/command\"}"
curl -fsS -o /dev/null -X POST "$url/api/v4/commands/execute" -H "$auth" \
  -d "{\"channel_id\":\"$channel\",\"team_id\":\"$team\",\"command\":\"/deploy prod\"}"

if curl -fsS "$url/api/v4/channels/$channel/posts" -H "$auth" | grep -q 'Deploy prod?'; then
  echo "ok: /deploy prod asked for approval in town-square"
else
  echo "FAIL: no approval request in town-square" >&2
  exit 1
fi
