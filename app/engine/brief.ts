/** A run's result in one line of a message: its JSON, cut at `limit` characters. */
export function brief(result: unknown, limit = 200): string {
  const text = JSON.stringify(result) ?? "undefined";
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}
