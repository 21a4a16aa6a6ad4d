import { conv2dParameterCount } from '../../lib/ml/shapes';
import type { LayerShape } from '../../lib/course/convolution';
import type { SizeSteps } from '../../lib/ml/shapes';
import { SizeFormula } from '../sliding-window/SizeFormula';

interface Props {
  shape: LayerShape;
  height: number;
  width: number;
  outHeight: SizeSteps;
  outWidth: SizeSteps;
  /** The shape of the engine's output tensor, once computed for the current settings. */
  engineShape: readonly number[] | undefined;
}

const tuple = (dims: readonly number[]): string => `(${dims.join(', ')})`;

/** The layer's tensor shapes, its parameter count (C_in·k·k + 1)·C_out, and the output-size formula with the current numbers. */
export function LayerSummary({ shape, height, width, outHeight, outWidth, engineShape }: Props) {
  const { inChannels: cin, outChannels: cout, kernel: k } = shape;
  const count = conv2dParameterCount(cin, cout, [k, k]);
  const expected = [1, cout, outHeight.size, outWidth.size];
  const agrees = engineShape !== undefined && engineShape.length === 4 && engineShape.every((v, i) => v === expected[i]);
  return (
    <div class="layer-summary">
      <p>
        <code>nn.Conv2d({cin}, {cout}, kernel_size={k})</code>: input {tuple([cin, height, width])} → weight {tuple([cout, cin, k, k])} and bias {tuple([cout])} → output{' '}
        {tuple([cout, outHeight.size, outWidth.size])}. {cout === 1 ? 'The filter has' : `Each of the ${cout} filters has`} shape {tuple([cin, k, k])}:{' '}
        {cin === 1 ? 'it covers the one input channel' : `it sums over all ${cin} input channels`} and gives one output channel.
      </p>
      <p>
        Parameters: (<var>C</var>
        <sub>in</sub> · <var>k</var> · <var>k</var> + 1) · <var>C</var>
        <sub>out</sub> = ({cin} · {k} · {k} + 1) · {cout} = <strong>{(count.weights + count.biases).toLocaleString('en-US')}</strong> ({count.weights.toLocaleString('en-US')}{' '}
        weights and {count.biases} bias{count.biases === 1 ? '' : 'es'}). The image size does not enter: the same weights slide over every position.
      </p>
      <SizeFormula height={outHeight} width={outWidth} withDilation />
      <p class="layer-summary__check" role="status">
        {engineShape === undefined
          ? 'The engine is computing the output…'
          : agrees
            ? `The engine’s output tensor has shape [${engineShape.join(', ')}] (a batch of one): the formula and the forward pass agree.`
            : `The engine’s output has shape [${engineShape.join(', ')}], but the formula gives [${expected.join(', ')}].`}
      </p>
    </div>
  );
}
