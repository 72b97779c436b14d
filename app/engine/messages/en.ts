/**
 * The engine's English, the `engine` namespace of i18next: verdicts of runs,
 * step mode and Explore, deadlock cycles, share links. zh-CN.ts has every key.
 */
export default {
  count: {
    schedules_one: "{{count, number}} schedule",
    schedules_other: "{{count, number}} schedules",
  },
  // Runs, sessions, compiling and describing a scenario (below).
};
