import type { ComponentChildren, RefObject } from 'preact';
import type { UrlNotice } from '../../lib/common';
import { useElementWidth } from '../charts/useElementWidth';
import { Notices } from '../widget-kit/Notices';
import { CopyPyTorch, type ScriptSource } from '../widget-kit/CopyPyTorch';
import { Toolbar } from '../widget-kit/Toolbar';
import { useStableHeight } from '../widget-kit/useStableHeight';
import { TrainingControls, type SpeedOption } from './TrainingControls';
import type { JobPair } from './useJobPair';
import '../charts/charts.css';
import './training.css';

/** Where the two runs go: side by side when there is room for both, stacked otherwise. */
export interface ComparisonLayout {
  ref: RefObject<HTMLDivElement>;
  sideBySide: boolean;
  /** Width of one run's panel in CSS pixels. */
  panelWidth: number;
}

/** Measures the runs' container and decides the layout. */
export function useComparisonLayout(): ComparisonLayout {
  // Before the island starts (and on the server) assume a phone: a wide layout would overflow one.
  const [ref, width] = useElementWidth<HTMLDivElement>(340);
  const sideBySide = width >= 820;
  return { ref, sideBySide, panelWidth: sideBySide ? Math.floor((width - 24) / 2) : width };
}

interface Props {
  layout: ComparisonLayout;
  /** The two runs, driven together (and kept in step) by one set of buttons. */
  pair: Pick<JobPair<unknown, unknown>, 'playing' | 'stopped' | 'resting' | 'play' | 'pause' | 'step' | 'reset'>;
  /** One-click setups, and what the group of them is called. */
  presets: readonly { label: string; select(): void }[];
  presetsLabel: string;
  /** The speed and its control; left out, the runs train as fast as they can and no control shows. */
  speed?: number;
  onSpeed?(speed: number): void;
  /** The speeds the control offers, when not the shared control's updates a second. */
  speeds?: readonly SpeedOption[];
  onNewSeed(): void;
  /** Settings both runs share. */
  settings: ComponentChildren;
  /** The data both runs train on, when the reader edits it (the "Your data" box), below the settings. */
  data?: ComponentChildren;
  /** The two run panels. */
  panels: readonly [ComponentChildren, ComponentChildren];
  /** What compares the two runs, below their panels (a chart of both). */
  after?: ComponentChildren;
  /** The state of both runs in words, announced when training is paused or stopped. */
  summary: string;
  notices: UrlNotice[];
  onDismissNotices(): void;
  onDefaultSettings(): void;
  /** Each run as a PyTorch script, for the toolbar's "Copy run A as PyTorch" buttons. */
  scripts?: readonly ScriptSource[];
}

/**
 * The frame of a two-run training experiment: presets, Play/Pause/Step/Reset/New seed for both
 * runs at once, the shared settings, the two panels, a spoken summary, Copy link and Default
 * settings.
 */
export function Comparison({ layout, pair, presets, presetsLabel, speed, onSpeed, speeds, onNewSeed, settings, data, panels, after, summary, notices, onDismissNotices, onDefaultSettings, scripts }: Props) {
  const { playing, stopped } = pair;
  // While the runs play, the summary changes many times a second, and while a run restarts (a
  // setting changed) it is cut short for a moment; its height must not change (see useStableHeight).
  const settling = playing || !pair.resting;
  const summaryRef = useStableHeight<HTMLParagraphElement>(settling);
  // The same for the runs: a run that restarts shows no confusion matrix or digits (say) until its
  // first snapshot, and with both restarting the page below moved up by half a screen and back.
  useStableHeight(settling, layout.ref);
  return (
    <div class="training-widget" data-resting={String(pair.resting)}>
      <Notices notices={notices} onDismiss={onDismissNotices} />
      <div class="training-widget__presets" role="group" aria-label={presetsLabel}>
        {presets.map((p) => (
          <button key={p.label} type="button" class="button button--quiet" onClick={p.select}>
            {p.label}
          </button>
        ))}
      </div>
      <TrainingControls
        playing={playing}
        stopped={stopped}
        onPlay={pair.play}
        onPause={pair.pause}
        onStep={pair.step}
        onReset={pair.reset}
        onNewSeed={onNewSeed}
        {...(speed !== undefined && onSpeed ? { speed, onSpeed } : {})}
        {...(speeds ? { speeds } : {})}
      />
      <div class="training-widget__settings">{settings}</div>
      {data}
      <div ref={layout.ref} class={layout.sideBySide ? 'training-widget__runs training-widget__runs--row' : 'training-widget__runs'}>
        {panels[0]}
        {panels[1]}
      </div>
      {after}
      <p ref={summaryRef} class="training-widget__summary" aria-live={pair.resting ? 'polite' : 'off'}>
        {summary}
      </p>
      <Toolbar onReset={onDefaultSettings} resetLabel="Default settings">
        {scripts && <CopyPyTorch sources={scripts} />}
      </Toolbar>
    </div>
  );
}
