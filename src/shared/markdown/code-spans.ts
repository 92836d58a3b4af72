// Where inline code spans close. Mattermost's marked fork matches them with
// /^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/ (mattermost/marked: lib/marked.js, inline.code): the
// whole opening run, closed by the first later run of exactly its length. Run as a regular
// expression, a long run of backticks with no closer tries every shorter opening against every
// later position; indexing the runs by length answers the same question in linear time.

export class BacktickRuns {
  /** Start of every maximal run of backticks, ascending, by its length. */
  private readonly startsByLength = new Map<number, number[]>();

  constructor(text: string) {
    for (let i = text.indexOf('`'); i !== -1;) {
      let end = i;
      while (text[end] === '`') end++;
      const starts = this.startsByLength.get(end - i);
      if (starts) starts.push(i);
      else this.startsByLength.set(end - i, [i]);
      i = text.indexOf('`', end);
    }
  }

  /** Where the code span opened at `at` by a run of `length` backticks closes; undefined when nothing closes it. */
  closeOf(at: number, length: number): number | undefined {
    return firstAfter(this.startsByLength.get(length), at);
  }
}

/** The first of the ascending `starts` after `at`. */
function firstAfter(starts: number[] | undefined, at: number): number | undefined {
  if (!starts) return undefined;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! > at) high = middle;
    else low = middle + 1;
  }
  return starts[low];
}
