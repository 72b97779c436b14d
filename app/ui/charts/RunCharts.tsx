import { memo } from "react";
/**
 * The lesson's summary charts (at most a few hundred points per series:
 * recharts is for summaries; dense live views draw on a canvas). Across
 * runs, `runs` draws bars per run, `trend` lines, and `by-param` the latest
 * result for each value of one parameter (other parameters as now). Within
 * the latest run, `over-time` draws its series as steps over time and
 * `per-item` one bar per element of its lists.
 * Each plot is an image named by its title, its numbers in a table under it
 * (ChartTable.tsx); recharts' keyboard layer is off, as it made the plot an
 * "application" named by its tick labels, and the table says more.
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
import { itemRows, paramRows, runRows, timeRows, type RunRow } from "./run-series";
import { ChartTable } from "./ChartTable";
import { useMessages } from "../messages/messages";
import { unitSymbol, withUnit } from "../durations";

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 });
const COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"];
const cores = typeof navigator === "undefined" ? 1 : navigator.hardwareConcurrency || 1;

export const RunCharts = memo(function RunCharts({ charts, history }: { charts: readonly ChartSpec[]; history: readonly RunRecord[] }) {
  const say = useMessages();
  if (charts.length === 0) return null;
  return (
    <section className="charts" data-testid="charts">
      {charts.map((chart, i) => {
        const rows = rowsFor(chart, history);
        return (
          <figure key={`${chart.title}-${i}`} className="chart" data-testid={`chart-${i}`} data-points={rows.length}>
            <figcaption>{chart.title}</figcaption>
            {rows.length === 0 ? (
              <p className="chart-empty">{say("charts.empty")}</p>
            ) : (
              <>
                <div role="img" aria-label={say("charts.image", { title: chart.title })}>
                  <Chart chart={chart} rows={rows} />
                </div>
                <ChartTable chart={chart} rows={rows} />
              </>
            )}
            {rows.length === 1 && <OnePoint chart={chart} />}
          </figure>
        );
      })}
    </section>
  );
});

/** The legend in the order the lesson lists the series, which is also their colours' order (recharts sorts by name). */
function inSeriesOrder(chart: ChartSpec): (item: { readonly dataKey?: unknown }) => number {
  return (item) => {
    const index = chart.series.indexOf(String(item.dataKey));
    return index < 0 ? chart.series.length : index;
  };
}

/** A line of one point is a dot: say what makes it a line. */
function OnePoint({ chart }: { chart: ChartSpec }) {
  const say = useMessages();
  if (chart.kind === "trend") return <p className="chart-empty" data-testid="chart-one-point">{say("charts.oneRun")}</p>;
  if (chart.kind === "by-param") return <p className="chart-empty" data-testid="chart-one-point">{say("charts.oneValue", { param: chart.param })}</p>;
  return null;
}

function rowsFor(chart: ChartSpec, history: readonly RunRecord[]): RunRow[] {
  switch (chart.kind) {
    case "by-param":
      return paramRows(history, chart.param ?? "");
    case "over-time":
      return timeRows(history, chart.series);
    case "per-item":
      return itemRows(history, chart.series);
    default:
      return runRows(history);
  }
}

function Chart({ chart, rows }: { chart: ChartSpec; rows: RunRow[] }) {
  const say = useMessages();
  if (chart.kind === "over-time") return <TimeChart chart={chart} rows={rows} />;
  const byParam = chart.kind === "by-param";
  const itemWords = (item: unknown) => (chart.x === undefined ? say("charts.itemAt", { value: item }) : say("charts.xAt", { x: chart.x, value: item }));
  const numericX = byParam && rows.every((r) => typeof r.x === "number");
  const data: RunRow[] = chart.ideal && numericX ? rows.map((r) => ({ ...r, ideal: r.x as number })) : rows;
  const decorations = [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    byParam || chart.kind === "per-item" ? (
      // A parameter's few values are each labelled, however narrow the chart: one left out reads as missing.
      <XAxis key="x" dataKey="x" interval={byParam ? 0 : "preserveEnd"} label={{ value: chart.param ?? chart.x, position: "insideBottomRight", offset: -4 }} />
    ) : (
      <XAxis key="x" dataKey="run" tickFormatter={(run) => `#${run}`} />
    ),
    <YAxis key="y" width={56} tickFormatter={(v: number) => compact.format(v)} />,
    <Tooltip
      key="tip"
      labelFormatter={(label, payload) =>
        byParam ? say("charts.paramIs", { param: chart.param, value: label }) : chart.kind === "per-item" ? itemWords(label) : String(payload?.[0]?.payload?.label ?? "")
      }
      formatter={(v) => compact.format(Number(v))}
    />,
    <Legend key="legend" itemSorter={inSeriesOrder(chart)} />,
    chart.cores ? <ReferenceLine key="cores" y={cores} stroke="#999" strokeDasharray="4 4" label={say("charts.cores", { cores })} /> : null,
  ];
  const series = chart.series.map((name, i) => ({ name, color: COLORS[i % COLORS.length]! }));
  return (
    <ResponsiveContainer width="100%" height={200}>
      {chart.kind === "trend" || numericX ? (
        <LineChart data={data} accessibilityLayer={false}>
          {decorations}
          {series.map(({ name, color }) => (
            <Line key={name} dataKey={name} stroke={color} isAnimationActive={false} dot />
          ))}
          {chart.ideal && numericX && <Line dataKey="ideal" name={say("charts.ideal")} stroke="#999" strokeDasharray="4 4" dot={false} isAnimationActive={false} />}
        </LineChart>
      ) : (
        <BarChart data={data} accessibilityLayer={false}>
          {decorations}
          {series.map(({ name, color }) => (
            <Bar key={name} dataKey={name} fill={color} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}

/** The latest run's series as steps over its time (ms since the run started). */
function TimeChart({ chart, rows }: { chart: ChartSpec; rows: RunRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={rows} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(ms: number) => compact.format(ms)}
          label={{ value: chart.x ?? unitSymbol("ms"), position: "insideBottomRight", offset: -4 }}
        />
        <YAxis width={56} tickFormatter={(v: number) => compact.format(v)} />
        <Tooltip labelFormatter={(ms) => withUnit(compact.format(Number(ms)), "ms")} formatter={(v) => compact.format(Number(v))} />
        <Legend itemSorter={inSeriesOrder(chart)} />
        {chart.series.map((name, i) => (
          <Line key={name} dataKey={name} type="stepAfter" stroke={COLORS[i % COLORS.length]} dot={false} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
