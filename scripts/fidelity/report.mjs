/**
 * The fidelity table: one row per figure with CPython's median and the
 * browser's over the rounds, the target and whether it was met; then each
 * figure's per-round samples, what Chromium's threads spent during the
 * browser runs, how unequal the cores were, and what the rest of the machine
 * was doing meanwhile.
 */

// Above this share of the machine taken by other processes, the figures are flagged as suspect (as the bench does).
const BUSY_WARNING_PERCENT = 10;
// Above this ratio of the slowest core's time to the fastest's, a speedup says more about the cores than the code.
const IMBALANCE_WARNING = 1.1;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `rows`: per figure, `{ figure, python: number[] | null, browser: number[] }`. */
export function summarise(rows) {
  return rows.map(({ figure, python, browser }) => {
    const p = python === null ? null : median(python);
    const b = median(browser);
    const result = figure.target === undefined ? "-" : figure.target.passed(b, p) ? "pass" : "MISS";
    return { figure, python, browser, p, b, result };
  });
}

export function table(summary, environment) {
  const format = (value) => (value === null ? "-" : value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0));
  const header = ["figure", "CPython", "browser", "target", "result"];
  const cells = summary.map(({ figure, p, b, result }) => [figure.name, format(p), format(b), figure.target?.text ?? "-", result]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (row) => row.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line), "", "samples, one per round (CPython | browser):"];
  for (const { figure, python, browser } of summary) {
    const list = (values) => (values === null ? "-" : values.map(format).join(" "));
    out.push(`  ${figure.name}: ${list(python)} | ${list(browser)}`);
  }
  const { python, browser, cores, rounds, seconds, otherLoad, competition, imbalances } = environment;
  out.push("", `${python}, ${browser}, ${cores} cores; ${rounds} rounds in ${seconds} s`);
  if (competition.measured) {
    const share = (cpuSeconds) => `${cpuSeconds.toFixed(1)} CPU-s, ${Math.round((100 * cpuSeconds) / competition.seconds)}% of a core`;
    const parts = Object.entries(competition.parts).map(([part, cpuSeconds]) => `${part} ${share(cpuSeconds)}`);
    out.push(`Chromium over ${Math.round(competition.seconds)} s of browser runs: ${parts.join("; ")}`);
  }
  if (imbalances.length > 0) {
    out.push(`the slowest core's time over the fastest's, per round: ${imbalances.map((r) => r.toFixed(2)).join(" ")}`);
    if (median(imbalances) > IMBALANCE_WARNING) out.push("WARNING: the cores ran at different speeds: a speedup depends on which core each phase ran on, the figures are suspect");
  }
  if (otherLoad) {
    out.push(`other processes used ${otherLoad.otherCpuSeconds} CPU-seconds meanwhile (${otherLoad.percentOfMachine}% of the machine)`);
    if (otherLoad.percentOfMachine > BUSY_WARNING_PERCENT) out.push("WARNING: the machine was busy with other work: the figures are suspect, run again when it is quiet");
  }
  return `${out.join("\n")}\n`;
}
