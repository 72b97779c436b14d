/**
 * Durations and instants as the interface writes them, wherever it does
 * (run status, timeline, charts, explore and step panels): the unit's
 * symbols are the catalogue's `duration` keys, so each language writes them
 * one way everywhere. Each place keeps the figure's precision it needs.
 */
import { uiMessage } from "./messages/messages";

export type TimeUnit = "us" | "ms" | "s";

/** A unit's symbol alone, to head an axis or a column of figures. */
export function unitSymbol(unit: TimeUnit): string {
  return uiMessage(`duration.${unit}`);
}

/** `figure`, already rounded as its place needs, in `unit`: a space between them, as SI writes it in either language. */
export function withUnit(figure: number | string, unit: TimeUnit): string {
  return `${figure} ${unitSymbol(unit)}`;
}

/** A duration or instant read closely (the timeline): µs below a millisecond, then ms, then s. */
export function formatDuration(ms: number): string {
  if (ms < 1) return withUnit((ms * 1000).toFixed(0), "us");
  if (ms < 100) return withUnit(ms.toFixed(2), "ms");
  if (ms < 10_000) return withUnit(ms.toFixed(0), "ms");
  return withUnit((ms / 1000).toFixed(2), "s");
}

/** A run's length in its status, read at a glance: whole ms under a second, then seconds. */
export function formatRunTime(ms: number): string {
  const whole = Math.round(ms);
  return whole < 1000 ? withUnit(whole, "ms") : withUnit((ms / 1000).toFixed(2), "s");
}

/** Number formats by decimals: making one per label would cost more than the rest of the axis. */
const tickFormats = new Map<number, Intl.NumberFormat>();

/** A time axis tick's label: in ms at every zoom, so that neighbouring labels never change unit, with the decimals the step needs. */
export function formatTick(ms: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  let format = tickFormats.get(decimals);
  if (format === undefined) tickFormats.set(decimals, (format = new Intl.NumberFormat("en", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return withUnit(format.format(ms), "ms");
}
