/**
 * The type a translation of a catalogue must have: every key of the English
 * (so tsc names a missing one), each a string, except plural forms English
 * needs and the other language may not (`_one`: Chinese has one form).
 */
type PluralOnly = `${string}_one`;

export type Translation<T> = {
  readonly [K in keyof T as K extends PluralOnly ? never : K]: T[K] extends string ? string : Translation<T[K]>;
} & {
  readonly [K in keyof T as K extends PluralOnly ? K : never]?: string;
};

/** The keys of a catalogue, dotted (`errors.timeout`), a plural by its base name (`schedules` for `schedules_one`, `schedules_other`). */
export type MessageKey<T> = {
  [K in keyof T & string]: T[K] extends string ? (K extends `${infer Base}_${"one" | "other"}` ? Base : K) : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];
