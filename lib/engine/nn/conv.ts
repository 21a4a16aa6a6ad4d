/** nn.Conv2d and the pooling layers (fixed and adaptive). */
import { Module } from './module';
import { resetLayer, type LayerOptions } from './linear';
import { avgPool2d, conv2d, maxPool2d, type AvgPoolOptions, type Conv2dOptions, type MaxPoolOptions, type Pair } from '../ops/convolution';
import { adaptiveAvgPool2d, adaptiveMaxPool2d, type AdaptiveSize } from '../ops/adaptive-pooling';
import { zeros } from '../create';
import type { Tensor } from '../tensor';

/**
 * 2-D convolution over NCHW images. Shapes: input (N, C_in, H, W) or (C_in, H, W) ->
 * (N, C_out, H_out, W_out), H_out = floor((H + 2 padding - dilation (kH - 1) - 1) / stride) + 1
 * (H with padding 'same'). Parameters: weight (C_out, C_in / groups, kH, kW), bias (C_out).
 */
export class Conv2d extends Module {
  /** (outChannels, inChannels, kH, kW). */
  readonly weight: Tensor;
  /** (outChannels), or null when created with bias: false. */
  readonly bias: Tensor | null;
  readonly #options: Conv2dOptions;

  /** A convolution initialised as in PyTorch from options.rng. */
  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    readonly kernelSize: Pair,
    options: LayerOptions & Conv2dOptions,
  ) {
    super();
    // PyTorch 1.13's checks and words, in its order.
    const { groups = 1, padding, stride = 1 } = options;
    if (!Number.isInteger(groups) || groups <= 0) throw new RangeError('groups must be a positive integer');
    if (inChannels % groups !== 0) throw new RangeError('in_channels must be divisible by groups');
    if (outChannels % groups !== 0) throw new RangeError('out_channels must be divisible by groups');
    if (typeof padding === 'string') {
      if (padding !== 'same' && padding !== 'valid') throw new RangeError(`Invalid padding string '${String(padding)}', should be one of {'valid', 'same'}`);
      const strides = typeof stride === 'number' ? [stride] : stride;
      if (padding === 'same' && strides.some((s) => s !== 1)) throw new RangeError("padding='same' is not supported for strided convolutions");
    }
    const [kh, kw] = typeof kernelSize === 'number' ? [kernelSize, kernelSize] : kernelSize;
    const dtype = options.dtype === undefined ? {} : { dtype: options.dtype };
    this.weight = this.registerParameter('weight', zeros([outChannels, inChannels / groups, kh, kw], dtype));
    this.bias = options.bias === false ? null : this.registerParameter('bias', zeros([outChannels], dtype));
    this.#options = options;
    resetLayer(this.weight, this.bias, options.rng);
  }

  /** conv2d(x, weight, bias) with this layer's stride, padding, dilation and groups. */
  forward(x: Tensor): Tensor {
    return conv2d(x, this.weight, this.bias, this.#options);
  }
}

/** Max pooling. Shapes: (N, C, H, W) or (C, H, W) -> (N, C, H_out, W_out); stride defaults to kernelSize. */
export class MaxPool2d extends Module {
  /** Pooling over kernelSize windows. */
  constructor(readonly kernelSize: Pair, readonly options: MaxPoolOptions = {}) {
    super();
  }
  /** maxPool2d(x). */
  forward(x: Tensor): Tensor {
    return maxPool2d(x, this.kernelSize, this.options);
  }
}

/** Average pooling (zero padding counted unless countIncludePad is false). Shapes as in MaxPool2d. */
export class AvgPool2d extends Module {
  /** Pooling over kernelSize windows. */
  constructor(readonly kernelSize: Pair, readonly options: AvgPoolOptions = {}) {
    super();
  }
  /** avgPool2d(x). */
  forward(x: Tensor): Tensor {
    return avgPool2d(x, this.kernelSize, this.options);
  }
}

/** Adaptive average pooling to outputSize (null keeps that input size). Shapes: (N, C, H, W) or (C, H, W) -> (N, C, H_out, W_out). */
export class AdaptiveAvgPool2d extends Module {
  /** Pooling to outputSize. */
  constructor(readonly outputSize: AdaptiveSize) {
    super();
  }
  /** adaptiveAvgPool2d(x, outputSize). */
  forward(x: Tensor): Tensor {
    return adaptiveAvgPool2d(x, this.outputSize);
  }
}

/** Adaptive max pooling to outputSize (null keeps that input size). Shapes as in AdaptiveAvgPool2d. */
export class AdaptiveMaxPool2d extends Module {
  /** Pooling to outputSize. */
  constructor(readonly outputSize: AdaptiveSize) {
    super();
  }
  /** adaptiveMaxPool2d(x, outputSize). */
  forward(x: Tensor): Tensor {
    return adaptiveMaxPool2d(x, this.outputSize);
  }
}
