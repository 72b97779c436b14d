import { Component, type ReactNode } from "react";

/**
 * Keeps a failure in one part of the page from blanking all of it: the
 * student's code is saved as they type, so the part can simply be reloaded.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; what: string }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice error" role="alert" data-testid="page-error">
        <strong>The {this.props.what} hit an error and stopped drawing:</strong> {this.state.error.message}. Your code is
        saved. <button onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
