import { describe, expect, it } from 'vitest';
import { convertSlackLinks, expandSlackMentions } from '../../../src/shared/slack/translate-text';

const users: Record<string, string> = { U1: 'user-1' };

describe('Slack markup translation', () => {
  it('turns <!channel>, <!here>, <!all> and known <@id> into mentions', () => {
    expect(expandSlackMentions('<!channel> <!here> <!all> <@U1> <@U2>', (id) => users[id])).toBe('@channel @here @all @user-1 <@U2>');
  });

  it('converts labelled links; variant A refuses newlines and pipes in the label', () => {
    expect(convertSlackLinks('<https://a.io|A>', 'A')).toBe('[A](https://a.io)');
    expect(convertSlackLinks('<https://a.io|A\nB>', 'A')).toBe('<https://a.io|A\nB>');
    expect(convertSlackLinks('<https://a.io|A\nB>', 'B')).toBe('[A\nB](https://a.io)');
    expect(convertSlackLinks('`<>|<>|`', 'A')).toBe('`<>|<>|`');
  });
});
