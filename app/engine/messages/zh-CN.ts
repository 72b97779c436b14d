/** The engine's messages in Simplified Chinese: every key of en.ts. */
import type { Translation } from "../../runtime/i18n/catalogue";
import type en from "./en";

export default {
  count: {
    schedules_other: "{{count, number}} 种调度",
  },
  // Runs, sessions, compiling and describing a scenario (below).
} satisfies Translation<typeof en>;
