import type { WindowBreakdown } from '../../lib/course/convolution';
import { formatDecimals } from '../../lib/common';

interface Props {
  breakdown: WindowBreakdown;
  /** Channel names (R, G, B), or [''] for grayscale. */
  channelNames: readonly string[];
  kernel: number;
  /** The engine's value at this output cell, once the worker has computed the current settings. */
  engineValue: number | undefined;
}

const signed = (v: number): string => (v < 0 ? `(${formatDecimals(v)})` : formatDecimals(v));

/**
 * The sliding window at one output cell, taken apart: for each input channel a k × k table of
 * x × w products (padding shown as 0), the channel's sum, then the sum over channels plus the
 * bias, beside the value the engine computed.
 */
export function StepThrough({ breakdown, channelNames, kernel, engineValue }: Props) {
  const { filter, row, col, channels, bias, total } = breakdown;
  const compact = kernel >= 5;
  const y = `y[${filter}, ${row}, ${col}]`;
  const first = channels[0]?.terms[0];
  const sumName = (c: number): string => (channelNames[c] ? `Σ${channelNames[c]}` : 'Σ');
  return (
    <div class="step-through">
      <p class="step-through__where">
        Output <code>{y}</code> reads the input window starting at row {formatDecimals(first?.row ?? 0)}, column {formatDecimals(first?.col ?? 0)}
        {first && (first.row < 0 || first.col < 0) ? ' (negative: in the padding)' : ''}.
      </p>
      <div class="step-through__channels">
        {channels.map((ch) => (
          <div key={ch.channel} class="step-through__channel" role="region" aria-label={`Products for channel ${channelNames[ch.channel] || '0'}`} tabIndex={0}>
            <table class="step-table">
              <caption>
                {channelNames[ch.channel] ? `Channel ${channelNames[ch.channel]}: ` : ''}x × w
              </caption>
              <tbody>
                {Array.from({ length: kernel }, (_, u) => (
                  <tr key={u}>
                    {ch.terms.slice(u * kernel, (u + 1) * kernel).map((t) => (
                      <td key={t.v} class={t.inside ? undefined : 'step-table__pad'} title={`x[${t.row}, ${t.col}] × w[${t.u}, ${t.v}]`}>
                        {!compact && (
                          <span class="step-table__factors">
                            {t.inside ? formatDecimals(t.x) : '0 pad'} × {formatDecimals(t.w)}
                          </span>
                        )}
                        <span class="step-table__product">{formatDecimals(t.product)}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="step-through__sum">
              {sumName(ch.channel)} = {formatDecimals(ch.sum)}
            </p>
          </div>
        ))}
      </div>
      <p class="step-through__total" aria-live="polite">
        <code>{y}</code> = {channels.map((ch) => sumName(ch.channel)).join(' + ')} + b = {channels.map((ch) => signed(ch.sum)).join(' + ')} + {signed(bias)} ={' '}
        <strong>{formatDecimals(total)}</strong>
      </p>
      <p class="step-through__engine">
        {engineValue === undefined ? (
          'The engine is computing this cell…'
        ) : (
          <>
            The engine’s <code>conv2d</code> (in a worker) gives {formatDecimals(engineValue)} at this cell
            {Math.abs(engineValue - total) <= 1e-9 * Math.max(1, Math.abs(total)) ? ': the same number.' : `, which differs from the sum above by ${formatDecimals(engineValue - total)}.`}
          </>
        )}
      </p>
    </div>
  );
}
