/**
 * The lesson's summary charts over its runs (at most a few dozen points per
 * series: recharts is for summaries; dense live views draw on a canvas).
 * `runs` draws bars per run; `trend` draws lines across runs.
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSpec } from "../../engine/course/lesson";
import type { RunRecord } from "../../engine/session";
import { runRows, type RunRow } from "./run-series";

const compact = new Intl.NumberFormat("en", { notation: "compact" });
const COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"];

export function RunCharts({ charts, history }: { charts: readonly ChartSpec[]; history: readonly RunRecord[] }) {
  const rows = runRows(history);
  if (charts.length === 0) return null;
  return (
    <section className="charts" data-testid="charts">
      {charts.map((chart, i) => (
        <figure key={`${chart.title}-${i}`} className="chart" data-testid={`chart-${i}`} data-points={rows.length}>
          <figcaption>{chart.title}</figcaption>
          {rows.length === 0 ? <p className="chart-empty">Run the scenario to fill this chart.</p> : <Chart chart={chart} rows={rows} />}
        </figure>
      ))}
    </section>
  );
}

function Chart({ chart, rows }: { chart: ChartSpec; rows: RunRow[] }) {
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    <XAxis key="x" dataKey="run" tickFormatter={(run) => `#${run}`} />,
    <YAxis key="y" width={56} tickFormatter={(v: number) => compact.format(v)} />,
    <Tooltip key="tip" labelFormatter={(_, payload) => String(payload?.[0]?.payload?.label ?? "")} formatter={(v) => Number(v).toLocaleString("en")} />,
    <Legend key="legend" />,
  ];
  return (
    <ResponsiveContainer width="100%" height={200}>
      {chart.kind === "runs" ? (
        <BarChart data={rows}>
          {axes}
          {chart.series.map((series, i) => (
            <Bar key={series} dataKey={series} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      ) : (
        <LineChart data={rows}>
          {axes}
          {chart.series.map((series, i) => (
            <Line key={series} dataKey={series} stroke={COLORS[i % COLORS.length]} isAnimationActive={false} dot />
          ))}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
