/**
 * Every layer's zh-CN catalogue against its English: tsc already refuses a
 * missing key; this checks what types cannot: each message keeps the
 * English's `{{values}}` (a translation that drops `{{worker}}` would hide
 * which worker failed), and no message is left in English by copy.
 */
import { describe, expect, it } from "vitest";
import uiEn from "./en";
import uiZh from "./zh-CN";
import engineEn from "../../engine/messages/en";
import engineZh from "../../engine/messages/zh-CN";
import runtimeEn from "../../runtime/messages/en";
import runtimeZh from "../../runtime/messages/zh-CN";

/** Messages that read the same in both languages: names. */
const SAME_IN_BOTH = new Set(["ui:app.brand", "engine:deadlock.held.rlock"]);

function flatten(value: object, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, child] of Object.entries(value)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof child === "string") flat.set(path, child);
    else for (const [k, v] of flatten(child as object, path)) flat.set(k, v);
  }
  return flat;
}

const placeholders = (message: string) => [...new Set([...message.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!))].sort();

/** A value a translation may show by its parts, which its callers give beside it: a shared object's kind and name (objectWords in engine/timeline/object-names.ts), so that Chinese joins a verb and a kind without a space. */
const PARTS: Readonly<Record<string, readonly string[]>> = { object: ["kind", "name"] };

const shows = (shown: readonly string[], name: string) => shown.includes(name) || (PARTS[name]?.every((part) => shown.includes(part)) ?? false);

const layers = [
  ["ui", uiEn, uiZh],
  ["engine", engineEn, engineZh],
  ["runtime", runtimeEn, runtimeZh],
] as const;

describe.each(layers)("the %s catalogue in zh-CN", (namespace, en, zh) => {
  const english = flatten(en);
  const chinese = flatten(zh);

  it("keeps every value the English shows (it may show more of those its caller gives, as Chinese word order wants)", () => {
    const lost = [...chinese].flatMap(([key, message]) => {
      const missing = placeholders(english.get(key) ?? "").filter((name) => !shows(placeholders(message), name));
      return missing.length === 0 ? [] : [`${key}: lacks ${missing.join(", ")}`];
    });
    expect(lost).toEqual([]);
  });

  it("has no key the English lacks, and no message copied from the English", () => {
    expect([...chinese.keys()].filter((key) => !english.has(key))).toEqual([]);
    const copied = [...chinese].filter(([key, message]) => message === english.get(key) && !SAME_IN_BOTH.has(`${namespace}:${key}`) && /[a-z]{3}/i.test(message.replace(/\{\{[^}]*\}\}/g, "")));
    expect(copied.map(([key]) => key)).toEqual([]);
  });
});
