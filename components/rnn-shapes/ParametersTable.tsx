import { pythonTuple } from '../../lib/common';
import { layerInputSize, type RnnConfig, type RnnParameter } from '../../lib/ml/shapes';

interface Props {
  config: RnnConfig;
  parameters: RnnParameter[];
  total: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** One direction of one layer, counted: H_out·in + H_out·H_out (+ 2·H_out) = count. */
function layerSum(config: RnnConfig, layer: number): string {
  const H = config.hiddenSize;
  const input = layerInputSize(config, layer);
  const count = H * input + H * H + (config.bias ? 2 * H : 0);
  return `${H}·${input} + ${H}·${H}${config.bias ? ` + 2·${H}` : ''} = ${fmt(count)}`;
}

/** Every parameter with its PyTorch name, shape and size, the total, and how a layer adds up. */
export function ParametersTable({ config, parameters, total }: Props) {
  const D = config.bidirectional ? 2 : 1;
  return (
    <div class="rnn-parameters">
      <div>
        <table class="data-table">
          <caption>
            Parameters: {parameters.length} tensors, {fmt(total)} numbers
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Shape</th>
              <th scope="col" class="rnn-num">
                Count
              </th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => (
              <tr key={p.name} class={p.name.startsWith('weight_ih') && (p.layer > 0 || p.reverse) ? 'rnn-parameters__group' : undefined}>
                <th scope="row">
                  <code>{p.name}</code>
                </th>
                <td>{pythonTuple(p.shape)}</td>
                <td class="rnn-num">{fmt(p.count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td class="rnn-num">{fmt(total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="rnn-parameters__sum">
        Per direction, layer 0 has {layerSum(config, 0)}
        {config.numLayers > 1 && <>; each layer above it reads {D * config.hiddenSize} features and has {layerSum(config, 1)}</>}. With {config.numLayers}{' '}
        {config.numLayers === 1 ? 'layer' : 'layers'} and {D} {D === 1 ? 'direction' : 'directions'}: {fmt(total)}. None of it depends on L or N.
      </p>
    </div>
  );
}
