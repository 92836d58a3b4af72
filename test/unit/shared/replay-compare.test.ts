import { describe, expect, it } from 'vitest';
import { compareJson, DEFAULT_IGNORE, ignores } from '../../../src/shared/replay/compare';

describe('replay comparison', () => {
  it('matches ignore rules by segment, with * for one and ** for any number', () => {
    expect(ignores(['body.*.id'], 'body.props.id')).toBe(true);
    expect(ignores(['body.*.id'], 'body.props.deep.id')).toBe(false);
    expect(ignores(['**.trigger_id'], 'body.context.trigger_id')).toBe(true);
    expect(ignores(['body.attachments.*.ts'], 'body.attachments[2].ts')).toBe(true);
  });

  it('lists each changed, added or removed field once, by path, and skips volatile ones', () => {
    const recorded = { text: 'a', attachments: [{ color: 'good', ts: 1 }], trigger_id: 'x', gone: true };
    const replayed = { text: 'b', attachments: [{ color: 'good', ts: 2 }], trigger_id: 'y', added: 1 };
    expect(compareJson(recorded, replayed, DEFAULT_IGNORE, 'body')).toEqual([
      { path: 'body.text', recorded: 'a', replayed: 'b' },
      { path: 'body.gone', recorded: true, replayed: undefined },
      { path: 'body.added', recorded: undefined, replayed: 1 },
    ]);
  });
});
