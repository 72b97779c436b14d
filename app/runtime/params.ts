/**
 * Scenario parameters: a small declarative spec per parameter, from which the
 * page generates its controls and the engine validates values before a run.
 */
import { runtimeMessage } from "./messages/message";

export interface IntParam {
  readonly kind: "int";
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly label?: string;
  readonly help?: string;
}

export interface ChoiceParam<T extends string = string> {
  readonly kind: "choice";
  readonly options: readonly T[];
  readonly default: T;
  readonly label?: string;
  readonly help?: string;
}

export type ParamSpec = IntParam | ChoiceParam;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The values a scenario receives: numbers for `int`, the option for `choice`. */
export type ParamValues<P extends ParamSpecs> = {
  readonly [K in keyof P]: P[K] extends ChoiceParam<infer T> ? T : number;
};

export type ParamValue = number | string;

export const param = {
  int(spec: Omit<IntParam, "kind">): IntParam {
    return { kind: "int", ...spec };
  },
  choice<const T extends string>(options: readonly T[], spec: Omit<ChoiceParam<T>, "kind" | "options">): ChoiceParam<T> {
    return { kind: "choice", options, ...spec };
  },
};

/**
 * Checks one value against its spec. Returns a message a student can act on,
 * or null when the value is acceptable.
 */
export function checkParam(name: string, spec: ParamSpec, value: unknown): string | null {
  const label = spec.label ?? name;
  if (spec.kind === "int") {
    const { min, max } = spec;
    if (typeof value !== "number" || Number.isNaN(value)) return runtimeMessage("params.notNumber", { label, min, max });
    if (!Number.isInteger(value)) {
      return runtimeMessage("params.notWhole", { label, got: String(value) });
    }
    if (value < min || value > max) {
      return runtimeMessage("params.outOfRange", { label, value, min, max });
    }
    return null;
  }
  if (typeof value !== "string" || !spec.options.includes(value)) {
    return runtimeMessage("params.notOption", { label, options: spec.options.join(", "), got: String(value) });
  }
  return null;
}

export function defaultParams(specs: ParamSpecs): Record<string, ParamValue> {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.default]));
}
