import { defineAsyncScenario, param, type AsyncQueue, type Job, type Loop, type Task } from "interleave";

// A shop counts its visitors. `clients` tasks each record `adds` visits, one
// every `sendMs`. Recording a visit reads the count, writes the new count to
// storage (`storeMs`, an await), and keeps it. `design` says who does that:
//
//   shared  every client updates state.count itself: read, await the store, write back
//   actor   only the counter actor touches the count; clients send it "add" messages
//
// In the actor design a printer actor prints every new count the counter tells
// it (`printMs` a line). Each actor is a mailbox (an asyncio.Queue) and one task
// that takes its messages one at a time. `where` says where the counter's
// messages are handled: by its task on the loop, or on a process of its own
// that keeps the count in its own memory.
//
// Once the clients are done, main reports the count, then shuts the actors down.
// Without a process the loop runs on the virtual clock: every run is the same.
//
// Solution: main asks the counter for its count, with a reply queue, rather
// than reading the counter's state from outside. The question waits in the
// mailbox behind every "add" the clients sent, so the answer counts them all,
// wherever the counter runs.

type Message = { op: "start" } | { op: "add" } | { op: "get" } | { op: "stop" } | { op: "print"; count: number };

/** What a mailbox holds: a message, and where to send the answer when the sender waits for one. */
interface Envelope {
  readonly message: Message;
  readonly reply?: AsyncQueue<number>;
}

/** An actor as the rest of the program sees it: its mailbox's sending end, and its task. */
interface ActorRef {
  /** Puts a message in the mailbox and goes on at once: it is handled later, in its turn. */
  tell(message: Message): void;
  /** Puts a message in the mailbox with a reply queue, and waits for the actor's answer. */
  ask(message: Message): Promise<number>;
  /** The actor's task: done when the actor has stopped, with its last answer. */
  readonly stopped: Task<number>;
}

// The counter's memory when it runs as a process: each worker has its own
// copy of this module, as each Python process has its own globals. Only the
// counter's process ever changes it.
let processCount = 0;

/** The counter's message handler on its process: one message at a time, in the order they were sent. */
const counterProcess: Job = (message, ctx) => {
  const { op } = message as Message;
  if (op === "start") processCount = 0;
  if (op === "add") {
    const count = processCount;
    ctx.io(Number(ctx.params.storeMs)); // the store: this process blocks, the loop does not
    processCount = count + 1;
  }
  return { count: processCount, worker: ctx.name };
};

export default defineAsyncScenario({
  params: {
    design: param.choice(["shared", "actor"], { default: "shared", label: "Who updates the count" }),
    where: param.choice(["tasks", "processes"], { default: "tasks", label: "Where the counter handles its messages (actor)" }),
    clients: param.int({ default: 3, min: 1, max: 8, label: "Clients" }),
    adds: param.int({ default: 20, min: 1, max: 200, label: "Visits each client records" }),
    sendMs: param.int({ default: 4, min: 1, max: 100, label: "Time between a client's visits (ms)" }),
    storeMs: param.int({ default: 5, min: 1, max: 50, label: "Time to store a count (ms)" }),
    printMs: param.int({ default: 2, min: 1, max: 50, label: "Time to print a line (ms)" }),
  },

  // One process for the counter: a pool of one worker handles its messages in the order they come.
  executor: (params) => (params.design === "actor" && params.where === "processes" ? { kind: "processes", workers: 1 } : null),
  jobs: { counterProcess },

  setup: () => ({
    count: 0, // the shared design's count, read and written by every client
    reported: 0, // the count main reported once the clients were done
    counted: 0, // the count the counter held when it stopped
    counterWorker: "", // the worker that handled the counter's messages
    printed: [] as number[], // the counts the printer printed, in order
    counterDepth: [[0, 0]] as [number, number][], // [ms, messages waiting in the counter's mailbox]
    printerDepth: [[0, 0]] as [number, number][],
    handled: { counter: [] as [number, number][], printer: [] as [number, number][] }, // [started, finished] ms of each add and print
  }),

  main: async (state, loop, params) => {
    const now = () => Math.round(loop.time() * 100_000) / 100;
    // Every client is a task of its own, named for the step mode's and Explore's lanes.
    const runClients = (body: () => Promise<void>) =>
      loop.gather(Array.from({ length: params.clients }, (_, i) => loop.createTask(body, `client-${i + 1}`)));

    const client = async () => {
      for (let i = 0; i < params.adds; i++) {
        await loop.io(params.sendMs / 1000);
        const count = state.count;
        await loop.io(params.storeMs / 1000); // other clients run here, and read the same count
        state.count = count + 1;
      }
    };

    if (params.design === "shared") {
      await runClients(client);
      state.reported = state.count;
      state.counted = state.count;
      return;
    }

    const printer = spawn(loop, "printer", state.printerDepth, now, async (message) => {
      if (message.op !== "print") return state.printed.length;
      const started = now();
      await loop.io(params.printMs / 1000);
      state.printed.push(message.count);
      state.handled.printer.push([started, now()]);
      return state.printed.length;
    });

    const counterState = { count: 0 }; // the counter's own: no other task reads or writes it
    const onLoop = async (message: Message) => {
      if (message.op === "add") {
        const count = counterState.count;
        await loop.io(params.storeMs / 1000); // other tasks run here, and none of them touches the count
        counterState.count = count + 1;
      }
      state.counterWorker = "loop";
      return counterState.count;
    };
    const onProcess = async (message: Message) => {
      const { count, worker } = (await loop.runInExecutor(counterProcess, message)) as { count: number; worker: string };
      state.counterWorker = worker;
      return count;
    };
    const counter = spawn(loop, "counter", state.counterDepth, now, async (message) => {
      const started = now();
      const count = params.where === "processes" ? await onProcess(message) : await onLoop(message);
      if (message.op === "add") {
        state.handled.counter.push([started, now()]);
        printer.tell({ op: "print", count });
      }
      return count;
    });

    const visits = async () => {
      for (let i = 0; i < params.adds; i++) {
        await loop.io(params.sendMs / 1000);
        counter.tell({ op: "add" });
      }
    };

    counter.tell({ op: "start" });
    await runClients(visits);
    state.reported = await counter.ask({ op: "get" }); // answered after every add sent before it

    counter.tell({ op: "stop" });
    state.counted = await counter.stopped;
    printer.tell({ op: "stop" });
    await printer.stopped;
  },

  result: (state, params) => {
    const expected = params.clients * params.adds;
    const counts = { expected, reported: state.reported, counted: state.counted, lost: expected - state.counted };
    // The shared design has no actors: their figures would be zeros that look measured.
    if (params.design === "shared") return counts;
    return {
      ...counts,
      printed: state.printed.length,
      lastPrinted: state.printed.at(-1) ?? 0,
      counterWorker: state.counterWorker,
      maxDepth: Math.max(...state.counterDepth.map(([, depth]) => depth)),
      counterRate: perSecond(state.handled.counter),
      printerRate: perSecond(state.handled.printer),
      counterCapacity: Math.round((1000 / params.storeMs) * 10) / 10,
      counterDepth: state.counterDepth,
      printerDepth: state.printerDepth,
    };
  },
});

/**
 * Starts an actor: a mailbox, and one task that takes its messages one at a
 * time and runs `handle` on each. Nothing else runs `handle`, so whatever it
 * keeps is touched by this task alone. A "stop" message ends it. A message
 * sent with `ask` carries a reply queue, which gets the handler's answer.
 */
function spawn(loop: Loop, name: string, depth: [number, number][], now: () => number, handle: (message: Message) => Promise<number>): ActorRef {
  const mailbox: AsyncQueue<Envelope> = loop.queue(`${name} mailbox`);
  const noteDepth = () => depth.push([now(), mailbox.qsize()]);
  const run = async () => {
    for (;;) {
      const { message, reply } = await mailbox.get();
      noteDepth();
      const answer = await handle(message);
      reply?.putNowait(answer);
      if (message.op === "stop") return answer;
    }
  };
  const task = loop.createTask(run, name);
  return {
    tell: (message) => {
      mailbox.putNowait({ message });
      noteDepth();
    },
    ask: async (message) => {
      const reply = loop.queue<number>(`reply from ${name}`, 1);
      mailbox.putNowait({ message, reply });
      noteDepth();
      return reply.get();
    },
    stopped: task,
  };
}

/** Messages handled per second, over the span from the first one's start to the last one's end. */
function perSecond(spans: [number, number][]): number {
  if (spans.length === 0) return 0;
  const ms = spans.at(-1)![1] - spans[0]![0];
  return ms > 0 ? Math.round((spans.length * 1000 * 10) / ms) / 10 : 0;
}
