/**
 * The interface's English, the `ui` namespace of i18next (runtime/i18n/i18n.ts).
 * Keys are grouped by the part of the page they belong to; zh-CN.ts must have
 * every key (tsc checks it). Values use i18next's `{{name}}` interpolation and
 * `_one`/`_other` plural forms.
 */
export default {
  app: {
    brand: "Interleave",
    language: "Language",
    lessons: "Lessons",
  },
  home: {
    noSuchLesson: "There is no lesson “{{slug}}”. Pick one below.",
    intro: "Each lesson runs its scenario on real Web Workers sharing memory, on your machine's cores. Read, predict, run, then change the code and run again.",
    yourOwn: "Your own",
  },
  loading: {
    playground: "Playground",
  },
  translation: {
    stale: "This translation is older than the English lesson it was made from; where they differ, the English is right.",
    showEnglish: "Read it in English",
  },
  // Step mode, Explore, the timeline and the charts (below).
};
