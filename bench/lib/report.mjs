// Every figure is printed as one JSON line the moment it is measured (so a long run can be
// followed, and a crashed one still leaves what it got), then all of them as a table.

/** @typedef {{ name: string, value: number, unit: string, baseline: number | null, ratio: number | null }} Figure */

const round = (v) => (v === null || !Number.isFinite(v) ? v : Number(v.toPrecision(4)));

export function createReport(write = (line) => process.stdout.write(`${line}\n`)) {
  /** @type {(Figure & { baselineName: string, aim: string })[]} */
  const figures = [];
  return {
    /**
     * `baseline` is measured in the same run (what the ratio is taken against), `baselineName`
     * says what it is, `aim` is the target the issues set (table only).
     */
    figure({ name, value, unit, baseline = null, baselineName = '', aim = '' }) {
      const ratio = baseline ? value / baseline : null;
      const line = { name, value: round(value), unit, baseline: round(baseline), ratio: round(ratio) };
      figures.push({ ...line, baselineName, aim });
      write(JSON.stringify(line));
    },
    table() {
      const rows = figures.map((f) => [
        f.name,
        `${f.value} ${f.unit}`,
        f.baseline === null ? '' : `${f.baseline} ${f.unit} (${f.baselineName})`,
        f.ratio === null ? '' : `${f.ratio}×`,
        f.aim,
      ]);
      const head = ['figure', 'value', 'baseline (same run)', 'ratio', 'aim'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      const line = (cells) =>
        cells
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd();
      write('');
      write(line(head));
      write(line(widths.map((w) => '-'.repeat(w))));
      for (const r of rows) write(line(r));
    },
  };
}
