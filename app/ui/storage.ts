/**
 * What the student's browser remembers per lesson: their code (saved as they
 * type), their parameter values, and the goals they have met; and the
 * playground's promise. Storage can be
 * full or disabled; then nothing is remembered, and nothing breaks.
 */
import type { Params } from "../engine/session";

const PREFIX = "interleave:v1";

function read<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(`${PREFIX}:${key}`);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(`${PREFIX}:${key}`);
    else localStorage.setItem(`${PREFIX}:${key}`, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the session keeps working, unsaved.
  }
}

export const saved = {
  code: (lesson: string) => read<string>(`code:${lesson}`),
  saveCode: (lesson: string, code: string | undefined) => write(`code:${lesson}`, code),
  params: (lesson: string) => read<Params>(`params:${lesson}`),
  saveParams: (lesson: string, params: Params | undefined) => write(`params:${lesson}`, params),
  /** The student's own code, kept when they chose to see the solution. */
  ownCode: (lesson: string) => read<string>(`own-code:${lesson}`),
  saveOwnCode: (lesson: string, code: string | undefined) => write(`own-code:${lesson}`, code),
  goals: (lesson: string) => read<string[]>(`goals:${lesson}`) ?? [],
  saveGoals: (lesson: string, goals: Iterable<string>) => write(`goals:${lesson}`, [...goals]),
  /** The playground's promise, what explore checks there. */
  promise: () => read<string>("playground-promise"),
  savePromise: (promise: string) => write("playground-promise", promise),
};
