import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleWork } from '../../../src/main/store/idle-work';

describe('the store’s background work', () => {
  let work: IdleWork | undefined;
  afterEach(() => work?.stop());

  it('logs a failing step once, goes on with the next, and tries it again until it succeeds', async () => {
    const logged: string[] = [];
    let failures = 3;
    let packed = 0;
    const failing = () => {
      if (failures-- > 0) throw new Error('database or disk is full');
      return false;
    };
    const next = () => {
      packed++;
      return false;
    };
    work = new IdleWork([failing, next], (line) => logged.push(line));
    work.start();
    await vi.waitFor(() => expect(failures).toBeLessThan(0), { timeout: 5000 });
    expect(logged).toEqual(['background work (indexing, packing) failed, will retry: database or disk is full']);
    expect(packed).toBeGreaterThanOrEqual(3);
  });
});
