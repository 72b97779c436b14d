/**
 * Strings the trace carries a character an event (task names, what tasks
 * await: asyncio/loop-trace.ts), put back together. Each character says its
 * position and the last says so, so a string whose first characters were
 * dropped never completes, rather than completing wrong.
 */
export class TextAssembler {
  private readonly partial = new Map<number, { readonly chars: string[]; got: number; length: number }>();

  /** Adds one character event of text `id`; the whole text once its last missing character came, else null. */
  add(id: number, value: number): string | null {
    let text = this.partial.get(id);
    if (text === undefined) this.partial.set(id, (text = { chars: [], got: 0, length: -1 }));
    const position = (value >>> 16) & 0x7fff;
    if (text.chars[position] === undefined) text.got++;
    text.chars[position] = String.fromCharCode(value & 0xffff);
    if (value < 0) text.length = position + 1;
    if (text.got !== text.length) return null;
    this.partial.delete(id);
    return text.chars.join("");
  }
}
