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
};
