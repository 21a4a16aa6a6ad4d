import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import {
  calculateStack,
  encodeStack,
  formatShape,
  INPUT_LIMITS,
  LAYER_TYPES,
  LIMIT_TEXT,
  MAX_LAYERS,
  PRESETS,
  stackToPython,
  suggestLayer,
  type Layer,
  type LayerType,
  type StackInput,
} from '../../lib/ml/layer-stack';
import { Notices } from '../widget-kit/Notices';
import { NumberField } from '../widget-kit/NumberField';
import { Toolbar } from '../widget-kit/Toolbar';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { EngineVerdict } from './EngineVerdict';
import { formatBytes, formatCount, formatShort } from './format';
import { ImportBox } from './ImportBox';
import { LayerEditor } from './LayerEditor';
import { LayerTable } from './LayerTable';
import { channelsTaken, cnnSizesSchema, layersNotice, matchingPreset, stackInput, type ImageSize } from './model';
import { useEngineCheck } from './useEngineCheck';
import './cnn-sizes.css';

/** The CNN sizes island: a layer-stack builder with shapes, parameters and memory, checked by the engine. */
export default function CnnSizes() {
  return (
    <WidgetBoundary name="layer-stack calculator">
      <CnnSizesView />
    </WidgetBoundary>
  );
}

function createCheckWorker(): Worker {
  return new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
}

const IMAGE_FIELDS = [
  ['channels', 'Channels C'],
  ['height', 'Height H'],
  ['width', 'Width W'],
] as const;

function CnnSizesView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(cnnSizesSchema);
  const { layers, input: image, batch } = values;
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [addType, setAddType] = useState<LayerType>('Conv2d');
  const [copyStatus, setCopyStatus] = useState('');
  const [showCode, setShowCode] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const editorId = `${useId()}-editor`;
  const addId = useId();

  const input = stackInput(image, batch);
  const result = useMemo(() => calculateStack(input, layers), [layers, batch, image]);
  const preset = matchingPreset(layers, image);
  const checkKey = `${encodeStack(layers)}|${image.channels}x${image.height}x${image.width}`;
  const check = useEngineCheck(createCheckWorker, { input: stackInput(image, 1), layers }, checkKey);
  const code = stackToPython(input, layers, result);

  useEffect(() => {
    if (focusKey === null || !root.current) return;
    const target =
      focusKey === 'editor'
        ? root.current.querySelector<HTMLElement>(`#${CSS.escape(editorId)} :is(input, select, button)`)
        : root.current.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`);
    const usable = target && !(target as HTMLButtonElement).disabled ? target : root.current.querySelector<HTMLElement>(`[data-focus-key="row-${openIndex ?? 0}"]`);
    usable?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const setLayers = (next: readonly Layer[]): void => update({ layers: next });
  const setImage = (patch: Partial<ImageSize>): void => update({ input: { ...image, ...patch } });

  const move = (index: number, delta: -1 | 1): void => {
    const next = [...layers];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(index + delta, 0, moved);
    setLayers(next);
    setOpenIndex(index + delta);
    setFocusKey(`${delta < 0 ? 'up' : 'down'}-${index + delta}`);
  };
  const remove = (index: number): void => {
    const next = layers.filter((_, i) => i !== index);
    setLayers(next);
    setOpenIndex(null);
    setFocusKey(next.length === 0 ? 'add' : `row-${Math.min(index, next.length - 1)}`);
  };
  const full = layers.length >= MAX_LAYERS;
  const add = (): void => {
    if (full) return;
    const at = openIndex === null ? layers.length : openIndex + 1;
    const before = at === 0 ? result.input : (result.rows[at - 1]?.output ?? null);
    const next = [...layers];
    next.splice(at, 0, suggestLayer(addType, before));
    setLayers(next);
    setOpenIndex(at);
    setFocusKey('editor');
  };
  const applyPreset = (id: string): void => {
    const p = PRESETS.find((x) => x.id === id);
    if (!p) return;
    update({ layers: p.layers, input: { channels: p.input.channels, height: p.input.height, width: p.input.width } });
    setOpenIndex(null);
  };
  const applyImport = (imported: readonly Layer[], importedInput: StackInput | null): string[] => {
    if (importedInput) {
      update({ layers: imported, input: { channels: importedInput.channels, height: importedInput.height, width: importedInput.width }, batch: importedInput.batch });
      setOpenIndex(null);
      return [];
    }
    // Without an input line (a printed model), at least give the first layer the channels it takes.
    const channels = channelsTaken(imported);
    const adapt = channels !== null && channels !== image.channels && channels <= INPUT_LIMITS.channels.max;
    update({ layers: imported, ...(adapt ? { input: { ...image, channels } } : {}) });
    setOpenIndex(null);
    return adapt
      ? [
          `The code sets no input, so the input’s channels were set to ${channels}, what its first layer takes; the height and width stay ${image.height} × ${image.width}. A line x = torch.randn(N, C, H, W) in the code sets all four.`,
        ]
      : [];
  };
  const copyCode = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(code);
      const stops = result.pytorchStops === null ? null : result.rows[result.pytorchStops]!;
      setCopyStatus(stops ? `PyTorch code copied. It stops at layer ${stops.index + 1}, as the table shows; a comment in it says with which error.` : 'PyTorch code copied.');
    } catch {
      setCopyStatus('Copying was refused: the code is shown below to select by hand.');
      setShowCode(true);
    }
  };
  const shownNotices = notices.map((n) => (n.name === 'layers' ? { ...n, message: layersNotice(n.raw) || n.message } : n));
  const openLayer = openIndex === null ? undefined : layers[openIndex];

  return (
    <div class="cnn-sizes" ref={root}>
      <Notices notices={shownNotices} onDismiss={dismissNotices} />

      <div class="cnn-sizes__presets" role="group" aria-label="Presets">
        <span class="cnn-sizes__presets-label" aria-hidden="true">
          Presets
        </span>
        {PRESETS.map((p) => (
          <button key={p.id} type="button" class="button button--quiet button--small" aria-pressed={preset?.id === p.id} onClick={() => applyPreset(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      {preset && (
        <p class="cnn-sizes__preset-note">
          <strong>{preset.label}.</strong> {preset.variant} Published total: {formatCount(preset.publishedParameters)} parameters ({preset.source});
          the table gives {formatCount(result.parameters)}.
        </p>
      )}

      <fieldset class="cnn-sizes__input">
        <legend>Input (N, C, H, W)</legend>
        <NumberField label="Batch N" value={batch} min={INPUT_LIMITS.batch.min} max={INPUT_LIMITS.batch.max} integer onChange={(v) => update({ batch: v })} />
        {IMAGE_FIELDS.map(([key, label]) => (
          <NumberField key={key} label={label} value={image[key]} min={INPUT_LIMITS[key].min} max={INPUT_LIMITS[key].max} integer onChange={(v) => setImage({ [key]: v })} />
        ))}
      </fieldset>

      <LayerTable
        result={result}
        check={check.phase === 'done' ? check.result : null}
        openIndex={openIndex}
        onToggle={(i) => setOpenIndex(openIndex === i ? null : i)}
        editorId={editorId}
        editor={
          openIndex !== null &&
          openLayer && (
            <LayerEditor
              id={editorId}
              layer={openLayer}
              index={openIndex}
              count={layers.length}
              onChange={(layer) => setLayers(layers.map((l, i) => (i === openIndex ? layer : l)))}
              onMove={(delta) => move(openIndex, delta)}
              onRemove={() => remove(openIndex)}
            />
          )
        }
      />

      <div class="cnn-sizes__add">
        <label for={addId}>Layer type</label>
        <select id={addId} value={addType} data-focus-key="add" onChange={(e) => setAddType((e.currentTarget as HTMLSelectElement).value as LayerType)}>
          {LAYER_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button type="button" class="button" onClick={add} disabled={full} aria-describedby={full ? `${addId}-full` : undefined}>
          {openIndex === null ? 'Add layer at the end' : `Add layer after layer ${openIndex + 1}`}
        </button>
        {full && (
          <p class="cnn-sizes__full" id={`${addId}-full`}>
            The stack has {layers.length} layers: the calculator takes {LIMIT_TEXT.layers}, the most a link to it holds. Remove one to add another.
          </p>
        )}
      </div>

      <p class="cnn-sizes__summary" aria-live="polite">
        <Summary result={result} />
      </p>

      <EngineVerdict check={check} result={result} layerCount={layers.length} />

      <ImportBox onImport={applyImport} />

      <details class="cnn-sizes__code" open={showCode} onToggle={(e) => setShowCode((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>PyTorch code for this stack</summary>
        <pre>
          <code>{code}</code>
        </pre>
      </details>

      <Toolbar
        onReset={() => {
          reset();
          setOpenIndex(null);
        }}
      >
        <button type="button" class="button button--quiet" onClick={copyCode}>
          Copy as PyTorch
        </button>
        <span class="widget-toolbar__status" role="status">
          {copyStatus}
        </span>
      </Toolbar>
    </div>
  );
}

/** The totals in words: the text alternative to the table's last row. */
function Summary({ result }: { result: ReturnType<typeof calculateStack> }) {
  const N = result.input[0];
  const params = `${formatCount(result.parameters)} parameters (${formatCount(result.weights)} weights and ${formatCount(result.biases)} biases), ${formatBytes(result.parameterBytes)} in float32`;
  const largest = result.largestOutput ? `, the largest ${formatBytes(result.largestOutput.bytes)} (layer ${result.largestOutput.index + 1})` : '';
  const memory = `The layer outputs for N = ${N} take ${formatBytes(result.outputBytes)} in all${largest}`;
  const compute = result.multAdds > 0 ? `; the convolutions and Linear layers do ${formatShort(result.multAdds)} multiply-adds.` : '.';
  if (result.rows.length === 0) return <>No layers yet: add one below, pick a preset or paste PyTorch code.</>;
  if (result.firstError === null) {
    return (
      <>
        Output <strong>{formatShape(result.output ?? result.input)}</strong>. <strong>{params}</strong>. {memory}
        {compute}
      </>
    );
  }
  const left = result.unknownRows;
  return (
    <>
      <strong>Layer {result.firstError + 1} cannot take its input</strong> (see the table). {params}
      {result.uncountedLayers > 0 ? ` (${result.uncountedLayers} layer${result.uncountedLayers > 1 ? 's' : ''} not counted)` : ''}. {memory}
      {left > 0 ? `, leaving out ${left} layer${left > 1 ? 's' : ''} whose output is not known` : ''}
      {compute}
    </>
  );
}
