import type { ComponentProps } from "react";

/**
 * A block of code or output that may scroll (sideways for long lines, down
 * past its height). Someone without a mouse scrolls it with the arrow keys
 * once it has the focus, so it takes a Tab stop; and a stop needs a name for
 * a screen reader to say what it landed on, which a `pre` of its own cannot
 * carry: the group role can.
 */
export function FocusablePre({ label, ...props }: ComponentProps<"pre"> & { readonly label: string }) {
  return <pre tabIndex={0} role="group" aria-label={label} {...props} />;
}
