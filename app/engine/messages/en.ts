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
  run: {
    stopped: "Stopped: the workers were terminated.",
    stoppedBeforeStart: "Stopped before the workers started.",
    timeLimit: "Stopped by the time limit: the run took longer than {{seconds, number}} s. Look for a loop that never ends or a lock that is never released.",
    tooManyWorkers: "The scenario asked for {{workers, number}} workers; a run can have at most {{max}}. Lower the worker count.",
    workerCrashed: "The worker crashed.",
    outOfMemory: "The worker ran out of memory: it filled the {{limit}} MB its heap may use, and was ended. {{hint}} The next run starts on a fresh worker.",
    outOfMemoryHint:
      "Look for a loop that keeps adding to an array, a map or a string without end, or for data far larger than the lesson needs.",
    // The watchdog's words for a wait on an object the run's allocations do not name (deadlock-words.ts says the others).
    waitsOnObject: "waits on object #{{index}}",
    // A result as JSON, cut after a whole field (brief.ts).
    cut: "{{json}} … (cut)",
  },
  describe: {
    workerNotStarted: "The worker did not start within {{seconds}} s. Reload the page.",
    topLevelTooLong: "The scenario's top-level code did not finish within {{seconds}} s. Move loops into the worker body.",
  },
  compile: {
    // `{{problem}}` is the compiler's own message, in English.
    syntax: "Syntax error: {{problem}}",
    refused: "The code does not compile: {{problem}}",
    refusedAtLine: "The code does not compile (line {{line}}): {{problem}}",
  },
};
