import { argsRecord, layerFromRecord, LAYERS, storedArgSpecs, type Layer } from '../../lib/ml/layer-stack';
import { ArgField } from './ArgField';

interface Props {
  layer: Layer;
  index: number;
  count: number;
  id: string;
  onChange(layer: Layer): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/** The arguments of one layer, editable, with buttons to move it up or down or remove it. */
export function LayerEditor({ layer, index, count, id, onChange, onMove, onRemove }: Props) {
  const args = argsRecord(layer);
  const specs = storedArgSpecs(layer.type);
  return (
    <div class="layer-editor" id={id} role="group" aria-label={`Layer ${index + 1}, ${layer.type}: arguments`}>
      <p class="layer-editor__summary">
        <code>nn.{layer.type}</code>: {LAYERS[layer.type].summary}
      </p>
      {specs.length > 0 ? (
        <div class="layer-editor__fields">
          {specs.map((spec) => (
            <ArgField
              key={`${index}-${layer.type}-${spec.name}`}
              spec={spec}
              value={args[spec.name] ?? null}
              onChange={(value) => onChange(layerFromRecord(layer.type, { ...args, [spec.name]: value }))}
            />
          ))}
        </div>
      ) : (
        <p class="layer-editor__none">This layer has no arguments.</p>
      )}
      <div class="layer-editor__actions">
        <button type="button" class="button button--quiet" data-focus-key={`up-${index}`} disabled={index === 0} onClick={() => onMove(-1)}>
          Move up
        </button>
        <button type="button" class="button button--quiet" data-focus-key={`down-${index}`} disabled={index === count - 1} onClick={() => onMove(1)}>
          Move down
        </button>
        <button type="button" class="button button--quiet button--danger" onClick={onRemove}>
          Remove layer
        </button>
      </div>
    </div>
  );
}
