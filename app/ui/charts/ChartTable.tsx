/**
 * A chart's numbers as a table, under "Show the numbers": what a screen
 * reader reads instead of the plot, and what anyone can read exactly where
 * the plot only shows a shape. The rows are the chart's own.
 */
import { useState } from "react";
import type { ChartSpec } from "../../engine/course/lesson";
import type { RunRow } from "./run-series";
import { useMessages, type Say } from "../messages/messages";
import { unitSymbol } from "../durations";

const number = new Intl.NumberFormat("en", { maximumFractionDigits: 3 });

export function ChartTable({ chart, rows }: { chart: ChartSpec; rows: readonly RunRow[] }) {
  const say = useMessages();
  const byRun = chart.kind === "runs" || chart.kind === "trend";
  // Built only while open: a chart over time has a row per point, thousands, redrawn after every run.
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-numbers" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{say("charts.showNumbers")}</summary>
      {open && (
      <table data-testid="chart-table">
        <caption>{chart.title}</caption>
        <thead>
          <tr>
            <th scope="col">{byRun ? say("charts.run") : xName(chart, say)}</th>
            {chart.series.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{byRun ? row.label : cell(row.x)}</th>
              {chart.series.map((name) => (
                <td key={name}>{cell(row[name])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      )}
    </details>
  );
}

function xName(chart: ChartSpec, say: Say): string {
  if (chart.kind === "by-param") return chart.param ?? "";
  return chart.x ?? (chart.kind === "over-time" ? unitSymbol("ms") : say("charts.item"));
}

/** Over time, a row holds one series' point: the other cells stay empty. */
function cell(value: number | string | undefined): string {
  if (value === undefined) return "";
  return typeof value === "number" ? number.format(value) : value;
}
