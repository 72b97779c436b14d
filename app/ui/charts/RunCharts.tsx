/**
 * The lesson's summary charts over its runs (at most a few dozen points per
 * series: recharts is for summaries; dense live views draw on a canvas).
 * `runs` draws bars per run, `trend` lines across runs, and `by-param` the
 * latest result for each value of one parameter (other parameters as now).
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChartSpec } from "../../engine/course/lesson";
import type { RunRecord } from "../../engine/session";
import { paramRows, runRows, type RunRow } from "./run-series";

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 });
const COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"];
const cores = typeof navigator === "undefined" ? 1 : navigator.hardwareConcurrency || 1;

export function RunCharts({ charts, history }: { charts: readonly ChartSpec[]; history: readonly RunRecord[] }) {
  if (charts.length === 0) return null;
  return (
    <section className="charts" data-testid="charts">
      {charts.map((chart, i) => {
        const rows = chart.kind === "by-param" ? paramRows(history, chart.param ?? "") : runRows(history);
        return (
          <figure key={`${chart.title}-${i}`} className="chart" data-testid={`chart-${i}`} data-points={rows.length}>
            <figcaption>{chart.title}</figcaption>
            {rows.length === 0 ? <p className="chart-empty">Run the scenario to fill this chart.</p> : <Chart chart={chart} rows={rows} />}
          </figure>
        );
      })}
    </section>
  );
}

function Chart({ chart, rows }: { chart: ChartSpec; rows: RunRow[] }) {
  const byParam = chart.kind === "by-param";
  const numericX = byParam && rows.every((r) => typeof r.x === "number");
  const data: RunRow[] = chart.ideal && numericX ? rows.map((r) => ({ ...r, ideal: r.x as number })) : rows;
  const decorations = [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    byParam ? (
      <XAxis key="x" dataKey="x" label={{ value: chart.param, position: "insideBottomRight", offset: -4 }} />
    ) : (
      <XAxis key="x" dataKey="run" tickFormatter={(run) => `#${run}`} />
    ),
    <YAxis key="y" width={56} tickFormatter={(v: number) => compact.format(v)} />,
    <Tooltip
      key="tip"
      labelFormatter={(label, payload) => (byParam ? `${chart.param} = ${label}` : String(payload?.[0]?.payload?.label ?? ""))}
      formatter={(v) => compact.format(Number(v))}
    />,
    <Legend key="legend" />,
    chart.cores ? <ReferenceLine key="cores" y={cores} stroke="#999" strokeDasharray="4 4" label={`${cores} cores`} /> : null,
  ];
  const series = chart.series.map((name, i) => ({ name, color: COLORS[i % COLORS.length]! }));
  return (
    <ResponsiveContainer width="100%" height={200}>
      {chart.kind === "trend" || numericX ? (
        <LineChart data={data}>
          {decorations}
          {series.map(({ name, color }) => (
            <Line key={name} dataKey={name} stroke={color} isAnimationActive={false} dot />
          ))}
          {chart.ideal && numericX && <Line dataKey="ideal" name="ideal" stroke="#999" strokeDasharray="4 4" dot={false} isAnimationActive={false} />}
        </LineChart>
      ) : (
        <BarChart data={data}>
          {decorations}
          {series.map(({ name, color }) => (
            <Bar key={name} dataKey={name} fill={color} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
