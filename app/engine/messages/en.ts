/**
 * The engine's English, the `engine` namespace of i18next: verdicts of runs,
 * step mode and Explore, deadlock cycles, share links. zh-CN.ts has every key.
 */
export default {
  count: {
    times_one: "{{count, number}} time",
    times_other: "{{count, number}} times",
    moreSteps_one: "{{count, number}} more step",
    moreSteps_other: "{{count, number}} more steps",
  },
  /** The kinds of shared objects, as steps, deadlocks and the timeline name them ("lock a"). */
  kind: {
    int: "int",
    array: "array",
    lock: "lock",
    rlock: "rlock",
    semaphore: "semaphore",
    "bounded-semaphore": "bounded-semaphore",
    event: "event",
    condition: "condition",
    barrier: "barrier",
    queue: "queue",
    "lifo-queue": "lifo-queue",
    "priority-queue": "priority-queue",
    series: "series",
  },
  object: {
    labelled: "{{kind}} {{name}}",
    unnamed: "object @{{index}}",
  },
  /** Lists in sentences: "A, B and C". */
  list: {
    comma: ", ",
    and: "{{items}} and {{last}}",
  },
  deadlock: {
    /** Prefix of every deadlock message; Explore drops it where it says "Then ..." after an error. */
    label: "Deadlock: ",
    worker: "worker {{worker}}",
    held: {
      lock: "lock {{name}}",
      rlock: "RLock {{name}}",
      semaphore: "a permit of semaphore {{name}}",
      boundedSemaphore: "a permit of bounded semaphore {{name}}",
    },
    queue: {
      queue: "queue",
      lifo: "LIFO queue",
      priority: "priority queue",
    },
    waits: {
      held: "waits for {{what}}",
      event: "waits for event {{name}} to be set",
      condition: "waits to be notified on condition {{name}}",
      barrier_one: "waits at barrier {{name}}, where {{count}} worker waits for more to arrive",
      barrier_other: "waits at barrier {{name}}, where {{count}} workers wait for more to arrive",
      other: "waits on {{kind}} {{name}}",
      item: "waits for an item in {{queue}} {{name}}",
      room: "waits for room in {{queue}} {{name}}",
      join: "waits in join() for every item of {{queue}} {{name}} to be marked done",
    },
    cycle: "Deadlock: {{worker}} {{steps}}.",
    cycleFirst: "{{waits}} held by {{holder}}",
    cycleNext: ", which {{waits}} held by {{holder}}",
    selfLock: "Self-deadlock: {{who}} {{waits}}, which it already holds. A plain Lock cannot be taken twice by its holder: release it first, or use an RLock.",
    selfSemaphore: "Deadlock: {{who}} {{waits}}, and no other worker can release one: {{worker}} took its permits itself and has not released them.",
    selfOther: "Self-deadlock: {{who}} {{waits}}, which it holds itself, and no other worker can release it.",
    stranded: "Deadlock: {{stranded}}",
    strandedAndWaits: "Deadlock: {{stranded}} {{waits}}",
    strandedBy_one: "{{holder}} ended while still holding {{held}}{{why}}; {{waiters}} waits for it forever.",
    strandedBy_other: "{{holder}} ended while still holding {{held}}{{why}}; {{waiters}} wait for it forever.",
    rlockWhy: " (it released it fewer times than it acquired it)",
    sentences: " ",
    allWait: "Deadlock: every worker is waiting, and none can wake another. {{waits}}",
    restWait: "Deadlock: every worker that has not ended is waiting, and none can wake another. {{waits}} {{ended}}",
    ended_one: "{{workers}} has ended.",
    ended_other: "{{workers}} have ended.",
    waitsFor: "{{worker}} {{waits}}",
    waitsForHeld: "{{worker}} {{waits}} held by {{holder}}",
    waitsSeparator: "; ",
    waitsEnd: "{{waits}}.",
  },
  /** Explore's search and its verdicts (the ones the page words itself are in ui's `explore`). */
  explore: {
    endedFirst: "The run ended before its first step.",
    failedOnlyInSearch: "Not deterministic: this schedule failed in the search but not when run again. {{cause}}",
    timeOrRandomness: "The scenario's behaviour depends on time or randomness (Math.random, Date.now).",
    arrivalNotOffered: "Not deterministic: this schedule chose an arrival this run did not offer. The scenario's behaviour depends on time or randomness (Math.random, Date.now).",
    nondeterminism: {
      random: "Math.random() {{times}}",
      clock: "a clock (ctx.now, Date.now) {{times}}",
      both: "{{random}} and {{clock}}",
      unknown: "The scenario's behaviour depends on time or randomness (ctx.now, Math.random).",
      called: "The scenario called {{calls}}: its steps depend on values that differ from run to run.",
    },
    then: "Then {{what}}",
    consequence: "{{error}}. {{consequence}}",
    checkThrew: "The check of \"{{goal}}\" threw: {{error}}. Fix the check; the result was {{result}}.",
    noLongerHolds: "No longer holds: {{goal}}. The result was {{result}}.",
    searchFailed: "The search failed: {{error}}. Run the code once to see why.",
    atLine: "{{what}} (line {{line}})",
  },
  /** A gated run driven by the controller (in the browser, the controller worker, which learns the page's language). */
  drive: {
    workerThrew: "A worker threw, and the others cannot finish without it.",
    deadlock: "Deadlock: no worker can move, and not every worker has finished.",
    livelock:
      "Possible livelock: the run took more than {{steps, number}} steps without ending, though a worker that spins on values nobody changes lets the others move first. If the workers simply have that much to do, make the parameters smaller: step mode and explore want a few dozen steps per worker.",
    diverged: "Not deterministic: at step {{step}} {{what}}. The scenario's behaviour depends on time or randomness (ctx.now, Math.random), so this schedule cannot replay it.",
    couldNotMove: "the schedule moves worker {{worker}}, but {{worker}} could not move",
    runGoesOn: "the schedule has ended, but the run has not",
    stuckWorker: "worker {{worker}} ran {{seconds}} s without reaching a scheduling point or ending: look for a loop that touches nothing shared.",
  },
  gil: {
    note: "CPython's GIL would not allow this schedule: at step {{step}}{{more}}, {{worker}} runs while {{held}} is between two steps with no function call and no loop iteration between them{{where}}, and CPython hands the GIL over only at those. Without a GIL (free-threaded Python, real cores) it can happen.",
    more: " (and {{steps}} like it)",
    where: " (line {{line}})",
  },
  stepper: {
    capped: "Run to end stopped after {{steps, number}} steps, and the workers have not finished. Press it again for {{steps, number}} more, or make the parameters smaller: step mode is made for a few dozen steps per worker.",
    endedFirst: "The run ended before its first step: {{why}}",
    finishedWithoutStep: "it finished without a step.",
  },
  tasks: {
    failed: "Step mode failed: {{error}}",
    noRunner: "The worker pool gave no runner.",
    loadLimit: "The scenario did not load and set up within {{seconds}} s: look for a loop at its top level or in setup.",
    runnerFailed: "The runner could not run the schedule: {{error}}",
    neverAwaits: "A task ran {{seconds}} s without awaiting or ending, so no other task could run: look for a loop without an await.",
    crashed: "The worker crashed: {{error}}",
  },
  share: {
    damaged: "This share link is damaged or cut short: the page opened with your own code. Ask for the whole link again.",
    tooLarge: "This share link is too large to open ({{size}}): the page opened with your own code. Send the code as a file instead.",
    format: "This share link is in format {{version}}, which this version of the site does not read: the page opened with your own code.",
    promiseNotText: "This share link is damaged: its promise is not text. The page opened with your own code and promise; ask for the whole link again.",
    unknownPage: "This share link was made on a page this course does not have (\"{{lesson}}\"): the page opened with your own code.",
    otherPage: "This share link was made on {{page}}, not on this page: its code and schedule belong there, so this page opened with your own code.",
    oversize: "{{size}}; at most {{most}}",
    kilobytes: "{{kb}} KB",
  },
  schedule: {
    notSchedule: "This is not a schedule: a schedule looks like v1.1a2b3c4d.A3B2A1, or v1.1a2b3c4d.t0*3-1 for asyncio tasks.",
    format: "This schedule is in format \"{{version}}\", which this version of the site does not read (it reads {{reads}}).",
    hash: "This schedule's code hash is damaged: it should be 8 hex digits. Copy the whole link again.",
    steps: "This schedule's steps are damaged: they should be worker letters with counts, like A3B2A1. Copy the whole link again.",
    tooLong: "This schedule is longer than {{most, number}} steps, or has a step count of 0.",
    choices: "This schedule's choices are damaged: after the t they should be arrival positions joined by -, with 0*3 for three nominal ones, like t0*3-1-2. Copy the whole link again.",
    tooManyChoices: "This schedule is longer than {{most, number}} choices, has a position past that, or a count of 0.",
    codeChanged: "Code changed: this schedule was made on other code or other parameters, so it cannot replay them. Go back to the code it came with, or explore again.",
  },
  timeline: {
    task: "Task {{number}}",
    deadlocked: "deadlocked: waiting for {{kind}} {{object}}",
    deadlockedHeld: "deadlocked: waiting for {{kind}} {{object}} held by {{holder}}",
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
