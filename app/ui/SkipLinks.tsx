/**
 * Skip links: the first Tab stops of a lesson page, ahead of the header and
 * the lesson list, to the code editor and to the run controls; off screen
 * until focused. The workspace says how to reach each (useSkipTarget), and a
 * link shows only while its target is on the page: not on the home page, nor
 * where scenarios cannot run. The page routes by its address's hash, so no
 * href can lead to a target: each link keeps the page's own address (opened
 * in a new tab, it opens this page) and moves the focus itself.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { useMessages, type UiKey } from "./messages/messages";

const LINKS = { editor: "page.skipToEditor", run: "page.skipToRun" } as const satisfies Record<string, UiKey>;
type Target = keyof typeof LINKS;
type Focusers = Partial<Record<Target, () => void>>;

type Register = (target: Target, focus: (() => void) | undefined) => void;

// Two contexts: the pages that register read only the stable `register`, so a registration re-renders the links, not them.
const Focusers = createContext<Focusers>({});
const RegisterTarget = createContext<Register>(() => {});

/** Holds the targets for the links, around both the links and the page that registers them. */
export function SkipTargetsProvider({ children }: { children: ReactNode }) {
  const [focusers, setFocusers] = useState<Focusers>({});
  const register = useCallback<Register>((target, focus) => setFocusers((now) => ({ ...now, [target]: focus })), []);
  return (
    <RegisterTarget value={register}>
      <Focusers value={focusers}>{children}</Focusers>
    </RegisterTarget>
  );
}

export function SkipLinks() {
  const say = useMessages();
  const focusers = useContext(Focusers);
  return (
    <div className="skip-links">
      {(Object.keys(LINKS) as Target[]).map((target) => {
        const focus = focusers[target];
        return (
          focus && (
            <a
              key={target}
              href={location.hash || "#/"}
              onClick={(event) => {
                event.preventDefault();
                focus();
              }}
              data-testid={`skip-${target}`}
            >
              {say(LINKS[target])}
            </a>
          )
        );
      })}
    </div>
  );
}

/** Makes the link to `target` move the focus with `focus`, for as long as the calling component is on the page. */
export function useSkipTarget(target: Target, focus: () => void): void {
  const register = useContext(RegisterTarget);
  const latest = useRef(focus);
  latest.current = focus;
  // A layout effect: the link is drawn in the same task as the workspace, before the editor (made in a passive effect)
  // shows. Registered in a passive effect, the editor was on screen up to 200 ms before its link, and a Tab pressed
  // then went past it.
  useLayoutEffect(() => {
    register(target, () => latest.current());
    return () => register(target, undefined);
  }, [register, target]);
}
