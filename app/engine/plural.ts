/** "1 schedule", "5,000 schedules": a count and its noun, in the page's English. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}
