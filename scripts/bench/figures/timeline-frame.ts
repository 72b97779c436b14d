/**
 * timeline_frame_ms: building the timeline model of a 100,000-event trace
 * (4 workers under a GIL, synthetic) and drawing one frame of it at
 * 1200x300 CSS px, device pixel ratio 1: the lanes rasterized, axis and
 * labels drawn, and the canvas read back one pixel so that drawing the
 * browser defers is counted too. Lower is better; the target is one frame
 * at 60 fps. The parts split it, and add a redraw zoomed in 10x (what a
 * wheel notch costs after the run).
 */
import { TimelineBuilder } from "../../../app/engine/timeline/builder";
import type { TimelineModel } from "../../../app/engine/timeline/model";
import { syntheticTrace } from "../../../app/engine/timeline/synthetic-trace";
import { drawFrame } from "../../../app/ui/timeline/draw-frame";
import { Surface } from "../../../app/ui/timeline/surface";
import { fitView, zoomView, type TimeView } from "../../../app/ui/timeline/view";
import { interleaved, median, type Figure } from "../harness";

const EVENTS = 100_000;
const WORKERS = 4;
const SIZE = { width: 1200, height: 300, dpr: 1 };

export const timelineFrame: Figure = {
  name: "timeline_frame_ms",
  unit: "ms",
  target: 16,
  better: "lower",
  async measure(repetitions, log) {
    const trace = syntheticTrace({ workers: WORKERS, events: EVENTS, mode: "gil" });
    const surface = new Surface(document.createElement("canvas"));
    const build = (): TimelineModel => {
      const builder = new TimelineBuilder({ workers: WORKERS, names: trace.names, origin: trace.origin });
      builder.add(trace.events);
      builder.advance(trace.end);
      return builder.model;
    };
    const draw = (model: TimelineModel, view: TimeView): void => {
      drawFrame(surface, model, view, SIZE);
      surface.ctx.getImageData(0, 0, 1, 1);
    };
    const model = build();
    const segments = model.lanes.reduce((sum, lane) => sum + lane.count, 0);
    log(`${trace.events.length} events, ${segments} segments over ${model.end.toFixed(0)} ms`);
    const timed = async (work: () => void): Promise<number> => {
      const began = performance.now();
      work();
      return performance.now() - began;
    };
    const s = await interleaved(
      repetitions,
      {
        frame: () =>
          timed(() => {
            const built = build();
            draw(built, fitView(built.end));
          }),
        build: () => timed(build),
        draw: () => timed(() => draw(model, fitView(model.end))),
        zoomed: () => timed(() => draw(model, zoomView(fitView(model.end), 10, 0.5, model.end))),
      },
      log,
    );
    return {
      value: median(s.frame),
      samples: s.frame,
      parts: [
        { name: "build the model", value: median(s.build), unit: "ms" },
        { name: "draw the whole run", value: median(s.draw), unit: "ms" },
        { name: "draw zoomed in 10x", value: median(s.zoomed), unit: "ms" },
        { name: "trace events", value: trace.events.length, unit: "events" },
        { name: "segments", value: segments, unit: "segments" },
      ],
    };
  },
};
