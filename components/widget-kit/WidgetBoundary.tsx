import { Component, type ComponentChildren } from 'preact';
import { ExportScope } from '../charts/ChartExport';
import './widget-kit.css';

interface Props {
  /** The widget's name, used in the message ("The activation explorer stopped: …"). */
  name: string;
  children: ComponentChildren;
}

interface State {
  error: Error | undefined;
  attempt: number;
}

/**
 * Catches an exception thrown while a widget renders and shows a readable message with a Retry
 * button instead of a blank or frozen box. Retry mounts the widget afresh; its settings survive in
 * the URL.
 */
export class WidgetBoundary extends Component<Props, State> {
  override state: State = { error: undefined, attempt: 0 };

  static override getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private retry = (): void => {
    this.setState((s) => ({ error: undefined, attempt: s.attempt + 1 }));
  };

  override render() {
    const { error, attempt } = this.state;
    if (error) {
      return (
        <div class="widget-error" role="alert">
          <p class="widget-error__title">The {this.props.name} stopped working.</p>
          <p class="widget-error__message">{error.message || error.name}</p>
          <p class="widget-error__hint">Your settings are kept in the page address. Retry starts the widget again.</p>
          <button type="button" class="button" onClick={this.retry}>
            Retry
          </button>
        </div>
      );
    }
    return (
      <div key={attempt} data-widget={this.props.name}>
        <ExportScope.Provider value={this.props.name}>{this.props.children}</ExportScope.Provider>
      </div>
    );
  }
}
