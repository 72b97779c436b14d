/**
 * The runtime's English, the `runtime` namespace of i18next: what a worker
 * says of a scenario's misuse, errors and deadlocks. A Python exception's own
 * message (`ValueError: Semaphore released too many times`) is CPython's
 * text and stays English in every language, as Python prints it; what the
 * course adds around it (where, why, what to do) is translated.
 */
export default {
  timeout: {
    notSeconds: "{{owner}}: timeout must be a number of seconds >= 0, or omitted to wait forever; got {{got}}.",
  },
  // The shared objects of sync/: `{{kind}}` and `{{label}}` are class names with the object's name (`Queue "jobs"`).
  lock: {
    releaseUnlocked: 'Lock "{{name}}": release of an unlocked lock. Release only a lock you acquired.',
    rlockNotHeld: 'RLock "{{name}}".{{operation}}: worker {{worker}} does not hold this lock ({{held}}). Only the worker that acquired an RLock may release it.',
    rlockFree: "it is not held",
    rlockHeldBy: "worker {{worker}} holds it",
  },
  semaphore: {
    initial: '{{kind}} "{{name}}": the initial value must be a whole number >= 0; got {{got}}.',
    releaseCount: '{{kind}} "{{name}}".release(n): n must be a whole number >= 1; got {{got}}.',
    overBound:
      '{{kind}} "{{name}}".release({{n}}): released too many times: its value {{value}} would rise above its initial value {{limit}}. Release only permits that were acquired.',
    overflow: '{{kind}} "{{name}}".release({{n}}): its value {{value}} would pass {{limit}} permits.',
  },
  condition: {
    lockKind: 'Condition "{{name}}": its lock must be a Lock or an RLock made by shared.lock or shared.rlock; got {{got}}.',
    notifyCount: 'Condition "{{name}}".notify(n): n must be a whole number >= 0; got {{got}}.',
    notHeld:
      'Condition "{{name}}".{{operation}}: worker {{worker}} does not hold the condition\'s lock "{{lock}}". Acquire it first (acquire() or hold()).',
  },
  barrier: {
    parties: 'Barrier "{{name}}": parties must be a whole number >= 1; got {{got}}.',
    action: 'Barrier "{{name}}": action must be a function; got {{got}}.',
    defaultTimeout: 'Barrier "{{name}}" default timeout',
    broken: "{{label}} is broken: {{why}}.",
    whyTimeout: "a worker's wait timed out",
    whyAbort: "abort() was called",
    whyAction: "its action threw",
    whyReset: "reset() was called while this worker waited",
    whyUnknown: "for an unknown reason",
    inAction: "{{label}}.{{operation}}: called from the barrier's own action, which runs while the barrier is locked. Do this outside the action.",
  },
  queue: {
    unbounded:
      '{{kind}} "{{name}}": maxsize 0 means unbounded in Python, but here every queue is bounded by its slots in shared memory. Give maxsize >= 1.',
    maxsize: '{{kind}} "{{name}}": maxsize must be a whole number >= 1; got {{got}}.',
    slotBytes: '{{kind}} "{{name}}": slotBytes must be a whole number from 0 to {{max}}; got {{got}}.',
    notJson: "{{label}}: cannot encode the message as JSON: {{problem}}",
    tooLong: "{{label}}: the message takes {{bytes}} bytes as JSON, and this queue's slots hold {{slotBytes}}. Send less, or create the queue with a larger slotBytes.",
    notPlain:
      "{{label}}: messages are plain data (finite numbers, strings, booleans, null, arrays and plain objects); {{where}} is {{what}}.",
    theMessage: "the message",
    theValueAt: 'the value at "{{key}}"',
    anInstance: "a {{constructor}}",
    aPrototypedObject: "an object with a prototype",
    aType: "a {{type}}",
    full: "{{label}} is full (maxsize {{maxsize}}).",
    stayedFull: "{{label}} stayed full for {{seconds}} s (maxsize {{maxsize}}).",
    empty: "{{label}} is empty.",
    stayedEmpty: "{{label}} stayed empty for {{seconds}} s.",
    taskDone: "{{label}}.taskDone: called more times than items were put. Call it once per item taken with get.",
  },
  priorityQueue: {
    item: 'PriorityQueue "{{name}}".put: items are numbers or [priority, data] pairs with a number priority (not NaN); got {{got}}.',
    itemPair: "a pair whose priority is {{priority}}",
    itemArray: "an array of {{length}} elements",
    itemObject: "an object",
    incomparable: 'PriorityQueue "{{name}}".{{operation}}: {{why}}: {{error}}. {{fix}}',
    tieWhy: "two items tie on priority {{priority}}, so their data are compared next, as in Python",
    tieFix: "Make the data comparable (numbers, strings, arrays), or put a tie-breaker that is never equal before it: [priority, [n, data]].",
    mixedWhy: "a number item is compared with a [priority, data] pair, as Python compares an int with a tuple",
    mixedFix: "Put numbers or pairs in one queue, not both.",
  },
  sharedInt: {
    notInt32: "{{what}} holds 32-bit integers; got {{got}}. Use a whole number between -2147483648 and 2147483647.",
  },
  sharedArray: {
    length: 'SharedArray "{{name}}": the length must be a whole number >= 1; got {{got}}.',
    initial: 'SharedArray "{{name}}": give the initial value as one number, or as {{length}} numbers (one per element).',
    index: "{{label}} has {{length}} elements, indices 0 to {{last}}; got index {{got}}.",
  },
  series: {
    capacity: 'Series "{{name}}": capacity must be a whole number from 1 to {{max}}; got {{got}}.',
    value: 'Series "{{name}}".record: the value must be a finite number; got {{got}}.',
  },
  work: {
    amount: "{{call}}: give a finite number >= 0.",
  },
  gil: {
    mode: 'Unknown interpreter mode "{{mode}}": use one of {{modes}}.',
    interval: "The switch interval must be between 0 and 10,000 ms; got {{got}}.",
  },
  memory: {
    arenaFull: 'Out of shared memory allocating {{kind}} "{{name}}": the run has {{words}} words for shared objects. Create fewer shared objects.',
    buffers:
      "new {{constructor}} of {{size}} would bring this worker's buffers in this run to {{total}}, over the {{cap}} a run may allocate. Allocate only what the lesson needs, and reuse a buffer rather than making one per iteration.",
    megabytes: "{{megabytes, number}} MB",
  },
  sealed: {
    network:
      "{{name}} is not available: scenario code runs without the network, so that code from a share link cannot send or fetch anything. Simulate a request with ctx.io or loop.io.",
    close: "close() would end this worker in the middle of its run: let the body return instead.",
  },
  // A parameter's value against its spec (params.ts): the page says these beside the inputs, and a worker of a bad default.
  params: {
    notNumber: "{{label}} needs a whole number from {{min, number}} to {{max, number}}.",
    notWhole: "{{label}} must be a whole number; got {{got}}.",
    outOfRange: "{{label}} = {{value, number}} is out of range: choose between {{min, number}} and {{max, number}}.",
    notOption: "{{label}} must be one of {{options}}; got {{got}}.",
  },
  // What result() returned, when the page cannot take it (plain-data.ts): `{{path}}` is code, such as `result.items[2]`.
  plainData: {
    tooLarge: "result is {{size}} as JSON, and the page takes at most {{limit}}: return counts and summaries, and record long series with shared.series",
    megabytes: "{{megabytes}} MB",
    nan: "{{path}} is NaN",
    undefined: "{{path}} is undefined",
    kind: "{{path}} is a {{kind}}",
    cycle: "{{path}} refers back to {{ancestor}}: the result has a cycle, which plain data cannot",
    notPlain: "{{problem}}. result() must return plain data: numbers, strings, booleans, null, arrays and objects of them, at most 1 MB as JSON.",
  },
  // Loading a scenario (scenario-module.ts) and running it (runner.ts).
  scenario: {
    unreadable: "The code could not be read to place the GIL's switch points ({{problem}}). Check the line for a syntax error.",
    importOnly: 'Cannot import "{{name}}": scenarios can import only from "interleave".',
    noDefault: "The scenario has no default export. End it with `export default defineScenario({ ... })`.",
    noFunction: "The scenario's default export has no `{{key}}` function. Declare it inside defineScenario({ ... }).",
    noParams: "The scenario's default export has no `params` object. Declare `params: {}` if it takes none.",
    workers: "The scenario asked for {{got}} workers; it needs a whole number of at least 1.",
    badDefault: 'Parameter "{{name}}" has a bad default: {{problem}}',
    gatedAsyncio: "Step mode and Explore cannot schedule asyncio tasks yet: run the scenario freely.",
    notAsyncio: "This scenario is not in asyncio mode: step mode and Explore schedule its workers instead.",
  },
  // asyncio mode (asyncio/): what the event loop and its objects say of misuse, a deadlock, and what a run left behind.
  asyncio: {
    notOwned:
      "Task {{task}} awaited something the event loop does not own (a Promise of its own, setTimeout, fetch...), so the loop cannot tell when it will go on. Await the loop's own objects: loop.sleep, loop.io, tasks, and the loop's locks, events and queues.",
    twoAtOnce:
      "Task {{task}} waits on two things at once: an async function called without await (a forgotten await), or Promise.all / Promise.race over the loop's objects. Await each call, or use loop.gather.",
    blocking:
      "Task {{task}} made a blocking call of a thread primitive (a shared lock, queue, event...) on the event loop's thread: every other task would stop until it returned, and never if it waits for another task. Use the loop's own primitives (loop.lock, loop.queue, loop.event), or run the call with loop.toThread.",
    // `{{what}}` is what the task awaits, in the loop's words ("lock L", "I/O of 0.1 s"), which the timeline reads too.
    deadlock: "Deadlock: no task is ready, and no timer or I/O is pending, so nothing can wake them: {{waits}}.",
    waitsFor: "{{task}} waits for {{what}}",
    waitsForNothing: "{{task}} waits for nothing it will get",
    waitsJoin: "; ",
    noExecutor: 'This scenario has no executor: declare `executor: () => ({ kind: "threads", workers: 2 })` beside main.',
    toThreadOnProcesses: "toThread runs a job on a thread, and this scenario's executor is a pool of processes: use runInExecutor, or declare a thread pool.",
    notAJob:
      "runInExecutor runs one of the scenario's jobs, and {{name}} is not one: declare it in `jobs: { {{name}} }` beside main, so that the executor's workers have it too.",
    thisFunction: "this function",
    taskGroupOutside: "taskGroup() must be used inside a task.",
    taskGroupFinished: "This TaskGroup is finished: create tasks inside its callback.",
    taskGroupAborting: "This TaskGroup is shutting down (a task failed): it takes no new tasks.",
    timeoutOutside: "timeout() must be used inside a task.",
    timedOut: "Timed out after {{seconds}} s.",
    asCompletedTimedOut: "as_completed timed out after {{seconds}} s.",
    lockNotAcquired: "Lock {{name}} is not acquired: release() without acquire().",
    conditionWait: "Condition {{name}}: wait() without holding its lock (RuntimeError in Python).",
    conditionNotify: "Condition {{name}}: notify() without holding its lock (RuntimeError in Python).",
    semaphoreInitial: "Semaphore {{name}}: the initial value must be a whole number of 0 or more; got {{got}}.",
    semaphoreOverRelease: "BoundedSemaphore {{name}} released too many times (ValueError in Python).",
    queueMaxsize: "Queue {{name}}: maxsize must be a whole number of 0 (unbounded) or more; got {{got}}.",
    queueFull: "Queue {{name}} is full ({{maxsize}} items).",
    queueEmpty: "Queue {{name}} is empty.",
    queueTaskDone: "Queue {{name}}: taskDone() called more times than items were put (ValueError in Python).",
    // The first part is Python's own TypeError, in English as Python prints it.
    incomparable: "'<' not supported between {{a}} and {{b}}: a PriorityQueue orders numbers, strings and arrays of them, as Python orders tuples.",
    // Notes: what main left behind without failing (run-main.ts).
    leaked: "Still pending when main returned, so cancelled as asyncio.run does: {{tasks}}. Await your tasks (or use a task group) before main ends.",
    swallowedCancel:
      "Task {{task}} ended normally after it was cancelled: it swallowed CancelledError, which breaks timeouts and task groups. Re-raise it.",
    unretrieved: "Task {{task}} failed and nobody retrieved its exception: {{error}}. Await the task, or use a task group.",
  },
  // What a task awaits (await-words.ts), from the loop's own English words, which stay as they are made: each English form is those words exactly.
  awaited: {
    future: "a future",
    sleep: "a sleep",
    io: "I/O of {{seconds}} s",
    task: "task {{name}}",
    taskGroup: "its task group's tasks",
    asCompleted: "the next child of as_completed to finish",
    jobOnThreads: "job {{name}} on the thread pool",
    jobOnProcesses: "job {{name}} on the process pool",
    job: "job {{name}}",
    lock: "lock {{name}}",
    semaphore: "semaphore {{name}}",
    event: "event {{name}}",
    notify: "a notify of condition {{name}}",
    queueRoom: "room in queue {{name}}",
    queueItem: "an item in queue {{name}}",
    gather: "a gather of {{items}}",
    gatherJoin: ", ",
  },
  // Step mode over asyncio tasks (task-schedule.ts, task.ts): what a step came to, what arrived, where each task stands.
  taskStep: {
    starts: "starts, {{step}}",
    cancelledBeforeStart: "is cancelled before it starts",
    endsCancelled: "ends cancelled",
    ends: "ends",
    endsWith: "ends with {{error}}",
    yields: "yields to the other ready tasks (sleep 0)",
    awaits: "awaits {{what}}",
    runsReady: "runs the ready tasks",
    readyFirst: "runs the ready tasks first: the I/O that is due is slow",
    timer: "time passes to {{seconds}} s: a timer fires",
    timerBeforeIo: "time passes to {{seconds}} s: a timer fires while I/O is still out (it is slow)",
    io: "{{task}}'s {{what}} completes",
    ioEarly: "{{task}}'s {{what}} completes first, sooner than its time",
  },
  taskStanding: {
    cancelled: "cancelled",
    done: "done",
    failed: "failed: {{error}}",
    ready: "ready",
    readyToStart: "ready to start",
  },
  // How a blocking call takes its options (sync/wait-options.ts): `{{call}}` is code, such as `acquire({ timeout: 1 })`.
  waitOptions: {
    timeoutNotBlocking:
      "{{owner}}.acquire: can't specify a timeout for a non-blocking call (Python raises ValueError). Give blocking: false or a timeout, not both.",
    unknown: '{{owner}}.{{method}}: unknown option "{{option}}"; its options are {{flag}} and timeout, as Python names them.',
    flag: "{{owner}}.{{method}}: {{flag}} must be true or false; got {{got}}.",
    number: "{{written}}: in Python {{which}} is {{flag}}, and a timeout is passed by name; write {{fix}}.",
    afterItem: "the parameter after the item",
    first: "the first parameter of {{method}}",
    boolean: "{{written}}: pass {{flag}} by name, as the options object: {{call}}.",
    notObject: "{{owner}}.{{method}}: the options are an object such as { timeout: 1 } or { {{flag}}: false }; got {{got}}.",
    fixTry: "{{call}} to try without waiting",
    fixWait: "{{call}} to wait at most {{seconds}} s",
    fixAny: "{{call}} with seconds >= 0, or give no options to wait for as long as it takes",
    anArray: "an array",
  },
};
