/**
 * Every file of the course, read at build time as text (nothing in lessons/
 * is executed on the page). Keys are paths relative to lessons/.
 */
const raw = import.meta.glob("/lessons/**/*.{md,ts,py,yaml}", { query: "?raw", import: "default", eager: true });

export const lessonFiles: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(raw).map(([path, text]) => [path.replace(/^\/lessons\//, ""), text as string]),
);
