import type { Diagnosis } from '../../shared/contract/exchange';

// Everything Mockmost tells a user that Mattermost does not: one entry per code, with the
// wording kept here and nowhere else. The codes (G01–G46) are Mockmost's own; this file is
// their one list.

export const diagnose = {
  /** G01: the inner reason behind web.incoming_webhook.general.app_error. */
  webhookCause(causeId: string, detail: { hookId: string; channel?: string; mediaType: string }): Diagnosis {
    const known: Record<string, [string, string?]> = {
      'web.incoming_webhook.disabled.app_error': ['Incoming webhooks are turned off.', 'Turn on ServiceSettings.EnableIncomingWebhooks.'],
      'web.incoming_webhook.text.app_error': [
        '"text" and "attachments" are both empty.',
        'Send a non-empty "text", or at least one attachment.',
      ],
      'web.incoming_webhook.invalid.app_error': [
        `No incoming webhook has the id ${detail.hookId} (never created, deleted, or made in another data dir).`,
        'Create the hook again and use its new URL, or give it a fixed id in a --seed file.',
      ],
      'web.incoming_webhook.channel.app_error': [
        `No channel matches "${detail.channel ?? ''}": Mattermost looks up the channel's name (not its display name), exactly, in the hook's team, and never an archived one.`,
        'Use the channel name (town-square), #name, or @username for a direct message.',
      ],
      'web.incoming_webhook.user.app_error': [
        `There is no user "${detail.channel?.slice(1) ?? ''}" for a direct message.`,
        'Use @ and an existing username.',
      ],
      'web.incoming_webhook.channel_locked.app_error': [
        'This hook is locked to its channel and the payload named another one.',
        'Drop "channel" from the payload, or unlock the hook (only admins may; for others the lock is forced).',
      ],
      'web.incoming_webhook.permissions.app_error': [
        "The channel is private (or a direct message) and the hook's creator is not a member.",
        "Add the hook's creator to the channel.",
      ],
      'api.context.invalid_param.app_error': [
        '"type" starts with system_ or "priority" lacks "priority": Mattermost refuses both.',
        'Leave "type" empty or use custom_…; give priority.priority.',
      ],
      'api.post.create_webhook_post.creating.app_error': [
        'The post type is not one Mattermost accepts, so saving the post failed (500).',
        'Use an empty type or one starting with custom_.',
      ],
    };
    const [message, fix] = known[causeId] ?? [`Mattermost's own reason: ${causeId}.`];
    return { code: 'G01', message: `${message} (Mattermost answers only the generic web.incoming_webhook.general.app_error.)`, fix };
  },

  /** G02: an override the config ignores. */
  ignoredOverride(field: string, value: string, setting: string): Diagnosis {
    return { code: 'G02', message: `"${field}" (${value}) was ignored: ${setting} is off.`, fix: `Turn on ServiceSettings.${setting}.` };
  },

  /** G03: the username override is on and no name was given anywhere. */
  defaultWebhookName(): Diagnosis {
    return {
      code: 'G03',
      message: 'No username in the payload or the hook: the post shows as "webhook".',
      fix: 'Send "username", or set one on the hook.',
    };
  },

  /** G04: a hook saved while an override was off loses that field. */
  blankedHookOverride(field: string, setting: string): Diagnosis {
    return {
      code: 'G04',
      message: `The hook's ${field} was not kept: ${setting} is off.`,
      fix: `Turn on ServiceSettings.${setting}, then set the ${field} again.`,
    };
  },

  /** G05: long text becomes several posts. */
  split(parts: number): Diagnosis {
    return { code: 'G05', message: `The text is longer than 16383 characters and was split into ${parts} posts.` };
  },

  /** G06: attachments nested where Mattermost does not read them. */
  attachmentsInProps(): Diagnosis {
    return {
      code: 'G06',
      message: '"attachments" inside "props" was dropped.',
      fix: 'Send attachments as a top-level "attachments" field.',
    };
  },

  /** G07 and G13: a payload that does not decode. */
  undecodable(mediaType: string, reason: string): Diagnosis {
    const fix =
      mediaType === 'application/x-www-form-urlencoded'
        ? 'A form body needs a payload= field holding the JSON; send JSON with Content-Type: application/json instead.'
        : 'Send a JSON object such as {"text": "hello"}: every field must have the type Mattermost expects (text a string, short true/false, …).';
    return { code: 'G07', message: `The payload is not what Mattermost decodes as ${mediaType || 'JSON'}: ${reason}.`, fix };
  },

  /** G08: multipart parts Mattermost does not know. */
  multipartField(name: string): Diagnosis {
    return {
      code: 'G08',
      message: `The multipart part "${name}" is not one Mattermost decodes, so the whole payload fails.`,
      fix: 'Only text, username, iconurl, channelname, type and iconemoji work (Go field names); send JSON for anything else.',
    };
  },

  /** G10: a DM by webhook is between the hook's creator and the user. */
  directMessage(username: string): Diagnosis {
    return { code: 'G10', message: `"channel": "@${username}" posts in the direct message between the hook's creator and ${username}.` };
  },

  /** G14: an oversized JSON body is cut, an oversized form body refused. */
  oversizedJson(size: number, limit: number): Diagnosis {
    return {
      code: 'G14',
      message: `The body (${size} bytes) is over Mattermost's limit of ${limit} bytes; Mattermost reads JSON only up to the limit, so it fails to decode.`,
      fix: 'Send less (split the message, drop attachments), or raise ServiceSettings.MaximumPayloadSizeBytes.',
    };
  },

  /** G20: Mattermost's address filter refused the integration's address. */
  addressForbidden(url: string, address: string, allowed: string): Diagnosis {
    const cidr = address.includes(':') ? `${address}/128` : `${address}/32`;
    return {
      code: 'G20',
      message: `${url} resolves to ${address}, a private or reserved address that AllowedUntrustedInternalConnections ("${allowed}") does not allow.`,
      fix: `Add ${cidr} (or the host name as written in the URL) to ServiceSettings.AllowedUntrustedInternalConnections.`,
    };
  },

  /** G20, as a warning: Mockmost called an address a fresh Mattermost would refuse. */
  defaultWouldRefuse(host: string, address: string): Diagnosis {
    const entry = isIpLiteral(host) ? (address.includes(':') ? `${address}/128` : `${address}/32`) : host;
    return {
      code: 'G20',
      message: `A default Mattermost would refuse this call: ${host} (${address}) is a private or reserved address and AllowedUntrustedInternalConnections is empty there.`,
      fix: `On the real server set ServiceSettings.AllowedUntrustedInternalConnections to include "${entry}".`,
    };
  },

  /** G29 and friends: the call itself failed. */
  callFailure(error: unknown, timeoutMs: number, url: string): Diagnosis {
    const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
    const code = e.cause?.code ?? e.code ?? '';
    const { host } = new URL(url);
    if (
      e.name === 'TimeoutError' ||
      code === 'UND_ERR_CONNECT_TIMEOUT' ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT'
    ) {
      return {
        code: 'G29',
        message: `The integration did not answer within ${timeoutMs / 1000} s (${code || 'deadline'}).`,
        fix: 'Answer faster (reply first, work later), or raise ServiceSettings.OutgoingIntegrationRequestsTimeout.',
      };
    }
    if (code === 'ECONNREFUSED')
      return {
        code: 'G29',
        message: `Connection refused: nothing listens at ${host}.`,
        fix: 'Start the integration, or fix the port in the URL.',
      };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return { code: 'G29', message: `DNS failure: ${new URL(url).hostname} does not resolve.`, fix: 'Fix the host name in the URL.' };
    if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
      return {
        code: 'G29',
        message: `TLS error talking to ${host}: ${e.cause?.message ?? e.message}.`,
        fix: 'Use a valid certificate, or turn on ServiceSettings.EnableInsecureOutgoingConnections.',
      };
    }
    return { code: 'G29', message: `The call to ${url} failed: ${e.cause?.message ?? e.message ?? String(error)}.` };
  },

  /** G15/G29: a non-2xx answer. */
  integrationStatus(status: number, body: Uint8Array): Diagnosis {
    const text = new TextDecoder().decode(body.subarray(0, 500));
    return { code: 'G29', message: `The integration answered HTTP ${status}${text ? `: ${text}` : ' with an empty body'}.` };
  },

  /** G29: an answer Mattermost cannot read as JSON. */
  invalidJson(reason: string): Diagnosis {
    return {
      code: 'G29',
      message: `The answer is not valid JSON: ${reason}.`,
      fix: 'Answer one JSON object (or an empty body) with Content-Type: application/json.',
    };
  },

  /** G40: keys Mattermost does not know, silently dropped. */
  unknownFields(names: { name: string; suggestion?: string }[]): Diagnosis {
    const listed = names.map(({ name, suggestion }) => (suggestion ? `"${name}" (did you mean "${suggestion}"?)` : `"${name}"`));
    return {
      code: 'G40',
      message: `Mattermost ignores unknown keys in this answer: ${listed.join(', ')}.`,
      fix: "Check the spelling against Mattermost's documentation; keys are matched case-insensitively but otherwise exactly.",
    };
  },

  /** G33 and friends: a known key that this kind of answer does not use. */
  ignoredField(name: string, where: string): Diagnosis {
    return { code: 'G33', message: `"${name}" is ignored in ${where}.` };
  },

  /** G28: an action update without a message erases it. */
  updateErasesMessage(): Diagnosis {
    return {
      code: 'G28',
      message: 'The action\'s "update" has no "message": Mattermost replaces the post\'s text with an empty one.',
      fix: 'Send the full new message in "update" (and "props" to change the attachments; without props they stay).',
    };
  },

  /** G12: a dialog Mattermost opens although it breaks its rules. */
  invalidDialog(problems: string[]): Diagnosis {
    return {
      code: 'G12',
      message: `Mattermost opens this dialog anyway, but it is invalid: ${problems.join('; ')}.`,
      fix: 'Fix the dialog: Mattermost only logs these problems, and its web app may not show the dialog as intended.',
    };
  },

  /** G30: a trigger id used too late or not at all. */
  triggerId(message: string): Diagnosis {
    return {
      code: 'G30',
      message: `The dialog was not opened: ${message}`,
      fix: 'Open the dialog right away with the trigger_id of the request that is being answered; it lives for OutgoingIntegrationRequestsTimeout seconds.',
    };
  },

  /** G15: an outgoing webhook's answer that makes no reply. */
  noReply(reason: string): Diagnosis {
    return {
      code: 'G15',
      message: `No reply was posted: ${reason}.`,
      fix: 'Answer 200 with JSON such as {"text": "…"} (the status is ignored; an empty body or {} means no reply).',
    };
  },

  /** G19: a comment reply to a trigger that is itself a reply. */
  nestedComment(): Diagnosis {
    return {
      code: 'G19',
      message: 'The reply asked for response_type "comment" but the trigger post is itself a reply: Mattermost drops it silently.',
      fix: 'Use response_type "post", or trigger from a root post.',
    };
  },

  /** G23: command methods are single letters. */
  commandMethod(method: string): Diagnosis {
    return { code: 'G23', message: `method "${method}" is not accepted.`, fix: 'Use "P" for POST or "G" for GET.' };
  },

  /** G35: a cookie session without CSRF proof. */
  missingCsrf(): Diagnosis {
    return {
      code: 'G35',
      message: 'A cookie-authenticated request without X-CSRF-Token was refused.',
      fix: 'Send X-CSRF-Token (the MMCSRF cookie) or X-Requested-With: XMLHttpRequest, or authenticate with Authorization: Bearer.',
    };
  },

  /** G36: cookies only for the web app. */
  loginWithoutCookies(): Diagnosis {
    return {
      code: 'G36',
      message: 'Logged in without cookies: Mattermost sets them only with X-Requested-With: XMLHttpRequest.',
      fix: 'Use the Token response header as "Authorization: Bearer <token>".',
    };
  },

  /** G38: personal access tokens are off for people. */
  tokensDisabled(): Diagnosis {
    return {
      code: 'G38',
      message: 'Personal access tokens are off for people (bots always have them).',
      fix: 'Turn on ServiceSettings.EnableUserAccessTokens, or create the token for a bot account.',
    };
  },

  /** G39: bot creation is off. */
  botsDisabled(): Diagnosis {
    return { code: 'G39', message: 'Bot creation is off.', fix: 'Turn on ServiceSettings.EnableBotAccountCreation.' };
  },

  /** G41: uploads are off. */
  attachmentsDisabled(): Diagnosis {
    return { code: 'G41', message: 'File uploads are off.', fix: 'Turn on FileSettings.EnableFileAttachments.' };
  },

  /** G42: a file over the size limit. */
  fileTooLarge(limit: number): Diagnosis {
    return {
      code: 'G42',
      message: `The file is over FileSettings.MaxFileSize (${limit} bytes). In a multipart upload Mattermost reports its length as -1.`,
      fix: 'Send a smaller file, or raise FileSettings.MaxFileSize.',
    };
  },

  /** G43: public links are off by default. */
  publicLinksDisabled(): Diagnosis {
    return {
      code: 'G43',
      message: 'Public file links are off (Mattermost ships with them off).',
      fix: 'Turn on FileSettings.EnablePublicLink, or fetch the file with GET /api/v4/files/{id} and a token.',
    };
  },

  /** G45: a search that found nothing; it only covers the channels the user belongs to. */
  searchOutsideMemberships(unjoined: string[]): Diagnosis {
    const named = unjoined.length > 0 ? ` The user is not a member of ${unjoined.map((n) => `"${n}"`).join(', ')}.` : '';
    return {
      code: 'G45',
      message: `Nothing matched. Mattermost searches only the channels the user is a member of (not public channels they have not joined), whole words unless a word ends in *.${named}`,
      fix: 'Add the user to the channel, or search with a user who is in it; end a word with * to match its start.',
    };
  },

  /** G46: a 403 on a post: missing, or in a channel the caller cannot read. */
  unseenPost(missing: boolean, channel: string | undefined, username: string): Diagnosis {
    return missing
      ? {
          code: 'G46',
          message:
            'There is no such post (never created, or deleted). Mattermost answers 403, as it checks the permission through the post.',
          fix: 'Use the id of a post that exists, as the posted event or POST /api/v4/posts answered it.',
        }
      : {
          code: 'G46',
          message: `@${username} cannot read the post: it is in ${channel ? `"${channel}"` : 'a channel'}, which @${username} is not a member of.`,
          fix: `Add @${username} to the channel (POST /api/v4/channels/{id}/members).`,
        };
  },

  /** G44: file ids a new post silently dropped. */
  droppedFileIds(dropped: string[]): Diagnosis {
    return {
      code: 'G44',
      message: `file_ids ${dropped.join(', ')} were left off the post: Mattermost attaches only files the poster uploaded to this channel that no other post has.`,
      fix: "Upload the file with the same token to the post's channel (POST /api/v4/files) and use its new id once.",
    };
  },
};

function isIpLiteral(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.startsWith('[');
}
