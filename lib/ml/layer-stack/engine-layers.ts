/**
 * Builds each supported layer as a module of our autograd engine (lib/engine), so that a real
 * forward pass can check the calculator. Every layer the builder offers is an engine module; this
 * file only maps a layer's PyTorch arguments to the engine's (snake_case to camelCase, None to
 * null) and does no arithmetic of its own.
 */
import { nn, type DType, type Rng } from '../../engine';
import type { Layer } from './schema';

type Module = nn.Module;

/**
 * The engine module for a layer, in evaluation mode (dropout off, BatchNorm2d on its running
 * statistics). Weights are drawn from `rng`; parameters and buffers are float32 unless `dtype` says.
 */
export function engineModule(layer: Layer, rng: Rng, dtype?: DType): Module {
  return build(layer, rng, dtype === undefined ? {} : { dtype }).eval();
}

function build(layer: Layer, rng: Rng, dtype: { dtype?: DType }): Module {
  switch (layer.type) {
    case 'Conv2d': {
      const { in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias } = layer.args;
      return new nn.Conv2d(in_channels, out_channels, kernel_size, { rng, bias, stride, padding, dilation, groups, ...dtype });
    }
    case 'Linear':
      return new nn.Linear(layer.args.in_features, layer.args.out_features, { rng, bias: layer.args.bias, ...dtype });
    case 'MaxPool2d': {
      const { kernel_size, stride, padding, dilation, ceil_mode } = layer.args;
      return new nn.MaxPool2d(kernel_size, { stride: stride ?? kernel_size, padding, dilation, ceilMode: ceil_mode });
    }
    case 'AvgPool2d': {
      const { kernel_size, stride, padding, ceil_mode, count_include_pad } = layer.args;
      return new nn.AvgPool2d(kernel_size, { stride: stride ?? kernel_size, padding, ceilMode: ceil_mode, countIncludePad: count_include_pad });
    }
    case 'AdaptiveAvgPool2d':
      return new nn.AdaptiveAvgPool2d(layer.args.output_size);
    case 'AdaptiveMaxPool2d':
      return new nn.AdaptiveMaxPool2d(layer.args.output_size);
    case 'BatchNorm2d': {
      const { num_features, eps, momentum, affine, track_running_stats } = layer.args;
      return new nn.BatchNorm2d(num_features, { eps, momentum, affine, trackRunningStats: track_running_stats, ...dtype });
    }
    case 'Flatten':
      return new nn.Flatten(layer.args.start_dim, layer.args.end_dim);
    case 'Dropout':
      return new nn.Dropout(layer.args.p, { rng });
    case 'Dropout2d':
      return new nn.Dropout2d(layer.args.p, { rng });
    case 'ReLU':
      return new nn.ReLU();
    case 'ReLU6':
      return new nn.ReLU6();
    case 'LeakyReLU':
      return new nn.LeakyReLU(layer.args.negative_slope);
    case 'ELU':
      return new nn.ELU(layer.args.alpha);
    case 'GELU':
      return new nn.GELU(layer.args.approximate === 'tanh' ? 'tanh' : 'none');
    case 'SiLU':
      return new nn.SiLU();
    case 'Sigmoid':
      return new nn.Sigmoid();
    case 'Tanh':
      return new nn.Tanh();
    case 'Softplus':
      return new nn.Softplus(layer.args.beta, layer.args.threshold);
    case 'Softmax':
      return new nn.Softmax(layer.args.dim);
    case 'LogSoftmax':
      return new nn.LogSoftmax(layer.args.dim);
    case 'Identity':
      return new nn.Identity();
  }
}

/** Trainable parameters of an engine module, from its real tensors: weights and biases apart. */
export function engineParameterCount(module: Module): { weights: number; biases: number } {
  let weights = 0;
  let biases = 0;
  for (const [name, t] of module.namedParameters()) {
    if (name === 'bias' || name.endsWith('.bias')) biases += t.numel();
    else weights += t.numel();
  }
  return { weights, biases };
}
