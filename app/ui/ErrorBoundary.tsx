import { Component, type ReactNode } from "react";
import { useMessages } from "./messages/messages";

/**
 * Keeps a failure in one part of the page from blanking all of it: the
 * student's code is saved as they type, so the part can simply be reloaded.
 * `what` names the part, in the page's language.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; what: string }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <Stopped what={this.props.what} error={this.state.error} onRetry={() => this.setState({ error: null })} />;
  }
}

// A function component of its own: a class cannot take the page's messages from a hook.
function Stopped({ what, error, onRetry }: { what: string; error: Error; onRetry(): void }) {
  const say = useMessages();
  return (
    <div className="notice error" role="alert" data-testid="page-error">
      <strong>{say("page.partStopped", { what })}</strong> {say("page.codeSaved", { message: error.message })}{" "}
      <button onClick={onRetry}>{say("page.tryAgain")}</button>
    </div>
  );
}
