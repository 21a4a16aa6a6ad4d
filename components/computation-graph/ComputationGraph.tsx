import { useId, useMemo } from 'preact/hooks';
import { buildGraph, GRAPH_PRESETS, gradientsAfter, inputNames, parseExpression } from '../../lib/course/backpropagation';
import { Notices } from '../widget-kit/Notices';
import { NumberField } from '../widget-kit/NumberField';
import { Select } from '../widget-kit/Select';
import { Toolbar } from '../widget-kit/Toolbar';
import { useDraft } from '../widget-kit/useDraft';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { GraphSvg } from './GraphSvg';
import { layoutTrace } from './layout';
import { describeStep, expressionProblem, graphSchema, hasNonFinite, INPUT_LIMIT, inputValues, presetOf, valuesFor } from './model';
import { NodeTable, nodeRows } from './NodeTable';
import { ExportFrame } from '../charts/ExportFrame';
import './computation-graph.css';

/** The computation-graph island: type or pick an expression, see the engine's recorded graph, step the backward pass. */
export default function ComputationGraph() {
  return (
    <WidgetBoundary name="computation graph">
      <GraphView />
    </WidgetBoundary>
  );
}

const CUSTOM = 'custom';

function GraphView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(graphSchema);
  const { expr } = values;
  const vals = useMemo(() => inputValues(expr, values.vals), [expr, values.vals]);
  const id = useId();
  const [draft, setDraft] = useDraft(expr, (d) => d === expr);
  const problem = draft === expr ? null : expressionProblem(draft);

  const graph = useMemo(() => buildGraph(expr, vals), [expr, vals]);
  const layout = useMemo(() => layoutTrace(graph.trace), [graph]);
  const step = Math.min(values.step, graph.steps.length);
  const grads = gradientsAfter(graph, step);
  const current = step > 0 ? graph.steps[step - 1]!.node : null;
  const parts = step > 0 ? graph.steps[step - 1]!.parts : [];
  const receivers = new Set(parts.map((p) => p.input));
  const locals = new Map(parts.map((p) => [p.argument, p.local]));
  const preset = presetOf(expr);

  const setExpression = (text: string, fromPreset = presetOf(text)): void => {
    update({ expr: text, vals: valuesFor(inputNames(parseExpression(text)), vals, fromPreset), step: 0 });
  };
  const goTo = (next: number): void => update({ step: Math.max(0, Math.min(graph.steps.length, next)) });
  const onKey = (e: KeyboardEvent): void => {
    const moves: Record<string, number> = { ArrowRight: step + 1, ArrowLeft: step - 1, Home: 0, End: graph.steps.length };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    goTo(next);
  };

  return (
    <div class="cgraph">
      <Notices notices={notices} onDismiss={dismissNotices} />
      <div class="cgraph__controls">
        <Select
          label="Preset"
          value={preset?.id ?? CUSTOM}
          options={[...GRAPH_PRESETS.map((p) => ({ value: p.id, label: p.label })), ...(preset ? [] : [{ value: CUSTOM, label: 'Your expression' }])]}
          onChange={(v) => {
            const chosen = GRAPH_PRESETS.find((p) => p.id === v);
            if (chosen) setExpression(chosen.expression, chosen);
          }}
        />
        <div class="cgraph__expression">
          <label for={id}>Expression</label>
          <input
            id={id}
            type="text"
            autoComplete="off"
            spellcheck={false}
            value={draft}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={`${id}-help${problem ? ` ${id}-error` : ''}`}
            onInput={(e) => {
              const text = (e.currentTarget as HTMLInputElement).value;
              setDraft(text);
              if (expressionProblem(text) === null) setExpression(text);
            }}
          />
          <p class="control__hint" id={`${id}-help`}>
            Named inputs, numbers, + − * / ** and tanh, sigmoid, relu, exp, log, as <code>tanh(x)</code> or <code>x.tanh()</code>.
          </p>
          {problem && (
            <p class="field-error" id={`${id}-error`}>
              {problem}; still showing the last expression that worked.
            </p>
          )}
        </div>
      </div>

      <fieldset class="cgraph__inputs">
        <legend>Inputs</legend>
        {graph.inputs.length === 0 && <p class="control__hint">This expression has no named inputs.</p>}
        {graph.inputs.map((name) => (
          <NumberField key={name} label={name} value={vals[name] ?? 1} min={-INPUT_LIMIT} max={INPUT_LIMIT} class="cgraph__input" onChange={(v) => update({ vals: { ...vals, [name]: v } })} />
        ))}
      </fieldset>

      <div class="cgraph__stepper" role="group" aria-label="Backward pass">
        <button type="button" class="button" disabled={step >= graph.steps.length} onClick={() => goTo(step + 1)}>
          Backward step
        </button>
        <button type="button" class="button button--quiet" disabled={step === 0} onClick={() => goTo(step - 1)}>
          Undo step
        </button>
        <button type="button" class="button button--quiet" disabled={step >= graph.steps.length} onClick={() => goTo(graph.steps.length)}>
          All steps
        </button>
        <button type="button" class="button button--quiet" disabled={step === 0} onClick={() => goTo(0)}>
          Clear gradients
        </button>
        <span class="cgraph__count">
          {step} / {graph.steps.length} steps
        </span>
      </div>

      <p class="cgraph__explain" aria-live="polite">
        {describeStep(graph, step)}
      </p>
      {hasNonFinite(graph) && (
        <p class="cgraph__warning" role="note">
          Some values are not finite numbers: e<sup>x</sup> overflows float64 to ∞ above x ≈ 709, log of a negative number is NaN, and ∞ − ∞ or 0 × ∞ is NaN.
        </p>
      )}

      {/* Always a tab stop (for the arrow keys), so it is also the region that scrolls a wide graph. */}
      {/* The export control sits above the drawing, outside its keyboard region. */}
      <ExportFrame name="Computation graph" title={`Computation graph, step ${step} of ${graph.steps.length} of the backward pass`} exportData={() => nodeRows(graph, grads)}>
        <div class="cgraph__figure scroll-x" tabIndex={0} role="region" aria-label="Computation graph drawing (scrolls sideways when wide): → takes a backward step, ← undoes one, Home and End jump" onKeyDown={onKey}>
          <GraphSvg graph={graph} layout={layout} grads={grads} current={current} receivers={receivers} locals={locals} />
        </div>
      </ExportFrame>

      <details class="cgraph__details">
        <summary>Table of nodes</summary>
        <NodeTable graph={graph} grads={grads} />
      </details>

      <Toolbar onReset={reset} />
    </div>
  );
}
