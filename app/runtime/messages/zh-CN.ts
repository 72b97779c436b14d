/** The runtime's messages in Simplified Chinese: every key of en.ts. */
import type { Translation } from "../i18n/catalogue";
import type en from "./en";

export default {
  timeout: {
    notSeconds: "{{owner}}：timeout 必须是大于等于 0 的秒数，或者不传（一直等待）；实际传入的是 {{got}}。",
  },
} satisfies Translation<typeof en>;
