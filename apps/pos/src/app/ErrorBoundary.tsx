import { Component, type ReactNode } from "react";

/**
 * A screen that crashed shows what to do instead of a blank page. Completed sales are already in
 * IndexedDB, so reloading loses nothing but the cart being built.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="center">
        <section className="card" role="alert">
          <h1>Something went wrong on this screen</h1>
          <p className="muted">Completed sales are safe on this till. Reload to carry on.</p>
          <p className="muted">{this.state.error.message}</p>
          <button type="button" className="primary big" onClick={() => location.reload()}>
            Reload
          </button>
        </section>
      </main>
    );
  }
}
