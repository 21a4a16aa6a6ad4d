import type { ComponentChildren } from 'preact';
import { Notices } from '../widget-kit/Notices';
import { NumberField } from '../widget-kit/NumberField';
import { Toolbar } from '../widget-kit/Toolbar';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { column, Matrix } from './Matrix';
import { collapseSchema, computeCollapse } from './model';
import './collapse.css';

/** The "two linear layers are one" island. */
export default function LinearCollapse() {
  return (
    <WidgetBoundary name="linear layers widget">
      <CollapseView />
    </WidgetBoundary>
  );
}

function Equation({ children, label }: { children: ComponentChildren; label: string }) {
  return (
    <div class="equation" role="group" aria-label={label}>
      {children}
    </div>
  );
}

function CollapseView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(collapseSchema);
  const { seed, relu, x } = values;
  const c = computeCollapse(seed, x, relu);
  const equal = c.twoLayers.every((v, i) => v === c.oneLayer[i]);
  const clipped = c.preActivation.filter((v) => v < 0).length;

  return (
    <div class="collapse">
      <Notices notices={notices} onDismiss={dismissNotices} />
      <div class="collapse__layers">
        <Equation label="Layer 1">
          <span class="equation__name">Layer 1</span>
          <span class="term">
            <span>W₁ =</span> <Matrix name="W₁" rows={c.first.W} />
          </span>
          <span class="term">
            <span>b₁ =</span> <Matrix name="b₁" rows={column(c.first.b)} />
          </span>
        </Equation>
        <Equation label="Layer 2">
          <span class="equation__name">Layer 2</span>
          <span class="term">
            <span>W₂ =</span> <Matrix name="W₂" rows={c.second.W} />
          </span>
          <span class="term">
            <span>b₂ =</span> <Matrix name="b₂" rows={column(c.second.b)} />
          </span>
        </Equation>
      </div>

      <fieldset class="collapse__input">
        <legend>Input x</legend>
        {x.map((v, i) => (
          <NumberField
            key={i}
            label={
              <>
                x<sub>{i + 1}</sub>
              </>
            }
            value={v}
            min={-99}
            max={99}
            onChange={(next) => update({ x: x.map((old, j) => (j === i ? next : old)) })}
          />
        ))}
        <label class="collapse__relu">
          <input type="checkbox" checked={relu} onChange={() => update({ relu: !relu })} />
          Put a ReLU between the layers
        </label>
      </fieldset>

      <div class="collapse__paths">
        <section aria-label="Two layers">
          <p class="collapse__heading">Two layers</p>
          <Equation label="Hidden layer">
            <span class="term">
              <span>h = {relu ? 'ReLU(W₁x + b₁)' : 'W₁x + b₁'} =</span>
              <Matrix name="h" rows={column(c.hidden)} compareWith={column(c.preActivation)} />
            </span>
          </Equation>
          <Equation label="Output of the two layers">
            <span class="term">
              <span>y = W₂h + b₂ =</span>
              <Matrix name="y" rows={column(c.twoLayers)} />
            </span>
          </Equation>
        </section>
        <section aria-label="One merged layer">
          <p class="collapse__heading">One layer</p>
          <Equation label="Merged weights and bias">
            <span class="term">
            <span>W′ = W₂W₁ =</span> <Matrix name="W′" rows={c.merged.W} />
          </span>
            <span class="term">
            <span>b′ = W₂b₁ + b₂ =</span> <Matrix name="b′" rows={column(c.merged.b)} />
          </span>
          </Equation>
          <Equation label="Output of the merged layer">
            <span class="term">
              <span>y′ = W′x + b′ =</span>
              <Matrix name="y′" rows={column(c.oneLayer)} compareWith={column(c.twoLayers)} />
            </span>
          </Equation>
        </section>
      </div>

      <p class={`collapse__verdict ${equal ? 'collapse__verdict--equal' : 'collapse__verdict--differs'}`} aria-live="polite">
        {!relu && 'y = y′: the two linear layers compute exactly what the single layer W′, b′ computes, for every x.'}
        {relu && equal && clipped === 0 && 'y = y′ for this x, but only because every hidden value was already positive, so ReLU passed it unchanged. Try an x that makes one negative.'}
        {relu && equal && clipped > 0 && 'y = y′ for this x only: the clipped hidden values happen not to matter here. Try another x.'}
        {relu && !equal && `y ≠ y′: ReLU set ${clipped} hidden value${clipped === 1 ? '' : 's'} to 0, so no single W′, b′ reproduces the two layers for every x.`}
      </p>

      <Toolbar onReset={reset}>
        <button type="button" class="button" onClick={() => update({ seed: (seed % 999_999) + 1 })}>
          New draw
        </button>
      </Toolbar>
    </div>
  );
}
