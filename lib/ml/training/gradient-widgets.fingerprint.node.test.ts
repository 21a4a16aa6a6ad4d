/**
 * The vanishing- and exploding-gradient widgets give bit for bit the numbers they gave before the
 * Trainer trained model specs (lib/ml/training/spec.ts) instead of building an MLP or an RNN
 * itself: every run they offer, and a few variations, fingerprinted by
 * testing/gradient-widget-runs.node.ts. The figures below were recorded by that file run against
 * the Trainer of commit a942a56 (before the change), in the same Node, on the plain-JavaScript
 * kernels (the only ones then). The widgets now run with setKernelBackend('auto'), whose
 * WebAssembly kernels add in another order; this test forces 'js', the path it guards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setKernelBackend, type KernelBackend } from '../../engine';
import { fingerprint, gradientWidgetRuns, type RunFingerprint } from './testing/gradient-widget-runs.node';

const BEFORE_SPECS: Record<string, RunFingerprint> = {
  'V Sigmoid vs ReLU + He a': {
    digests: {
      weights: 'ec1882ab3559',
      gradient: 'a22ba8a61652',
      histograms: '5cb966cb8008',
      steps: '4c236ca8b40a',
      evaluations: 'ae0b734f4f19',
      boundary: '3da7545b182d',
    },
    steps: 40,
    firstLoss: 0.6972262263298035,
    lastLoss: 0.6915093064308167,
    lastNormBefore: 0.038991217594229854,
  },
  'V Sigmoid vs ReLU + He b': {
    digests: {
      weights: 'cb663d1c1971',
      gradient: '63e95cfb5680',
      histograms: '4a6107746852',
      steps: '64d6104f570e',
      evaluations: '080bc2dab661',
      boundary: 'b27db3d57a4f',
    },
    steps: 40,
    firstLoss: 0.5797791481018066,
    lastLoss: 0.4845830500125885,
    lastNormBefore: 1.62108260802863,
  },
  'V Default init: sigmoid vs ReLU a': {
    digests: {
      weights: 'ec1882ab3559',
      gradient: 'a22ba8a61652',
      histograms: '5cb966cb8008',
      steps: '4c236ca8b40a',
      evaluations: 'ae0b734f4f19',
      boundary: '3da7545b182d',
    },
    steps: 40,
    firstLoss: 0.6972262263298035,
    lastLoss: 0.6915093064308167,
    lastNormBefore: 0.038991217594229854,
  },
  'V Default init: sigmoid vs ReLU b': {
    digests: {
      weights: 'ec1882ab3559',
      gradient: 'e394c1a32694',
      histograms: '4a41fb692e00',
      steps: 'e6d6dd46a676',
      evaluations: 'a0558a73cd7e',
      boundary: '4e887d658e5b',
    },
    steps: 40,
    firstLoss: 0.7009438276290894,
    lastLoss: 0.6920084953308105,
    lastNormBefore: 0.024723126091446182,
  },
  'V Xavier init: sigmoid vs tanh a': {
    digests: {
      weights: '0b1ca964a554',
      gradient: 'd851e9ef9624',
      histograms: 'fc68baaea595',
      steps: '8838b6c04242',
      evaluations: '4281ae4b07ea',
      boundary: '8cfc2b3d87c5',
    },
    steps: 40,
    firstLoss: 0.8410347700119019,
    lastLoss: 0.7105055451393127,
    lastNormBefore: 0.49425884128390074,
  },
  'V Xavier init: sigmoid vs tanh b': {
    digests: {
      weights: '0b1ca964a554',
      gradient: '9a68fb989bd5',
      histograms: 'a4fe0ff803bb',
      steps: 'ddf3073df3e0',
      evaluations: '3342cee34d1b',
      boundary: '04be609928ba',
    },
    steps: 40,
    firstLoss: 0.6938468813896179,
    lastLoss: 0.6713069677352905,
    lastNormBefore: 0.7549173695509857,
  },
  'V Tanh: default vs Xavier init a': {
    digests: {
      weights: 'ec1882ab3559',
      gradient: '4f8a02d16f49',
      histograms: 'deac99f62c04',
      steps: '8f63bcb8831e',
      evaluations: '542c51b663f4',
      boundary: '350063e2833e',
    },
    steps: 40,
    firstLoss: 0.6920653581619263,
    lastLoss: 0.692496120929718,
    lastNormBefore: 0.034924105488593295,
  },
  'V Tanh: default vs Xavier init b': {
    digests: {
      weights: '0b1ca964a554',
      gradient: '9a68fb989bd5',
      histograms: 'a4fe0ff803bb',
      steps: 'ddf3073df3e0',
      evaluations: '3342cee34d1b',
      boundary: '04be609928ba',
    },
    steps: 40,
    firstLoss: 0.6938468813896179,
    lastLoss: 0.6713069677352905,
    lastNormBefore: 0.7549173695509857,
  },
  'V ReLU, 20 layers: default vs He init a': {
    digests: {
      weights: 'd0abecec4692',
      gradient: 'b4f060755962',
      histograms: '3eef038840b4',
      steps: 'e8d96883b61c',
      evaluations: 'd07de34c0cfd',
      boundary: '31d86d48bcfd',
    },
    steps: 40,
    firstLoss: 0.6916220784187317,
    lastLoss: 0.6954444646835327,
    lastNormBefore: 0.05646258922411141,
  },
  'V ReLU, 20 layers: default vs He init b': {
    digests: {
      weights: '0c5d4bf817e1',
      gradient: '0b7f5de88ca2',
      histograms: 'c9cc368ee650',
      steps: 'a734343386e8',
      evaluations: '10437348b12b',
      boundary: 'ce1350f483db',
    },
    steps: 40,
    firstLoss: 0.7051148414611816,
    lastLoss: 0.5810311436653137,
    lastNormBefore: 1.9131251933656388,
  },
  'V Tanh: zero init vs Xavier a': {
    digests: {
      weights: '5b09c627e3c2',
      gradient: '5d4a5586e8e0',
      histograms: '58c19fb94c56',
      steps: '2a6cce93a9ac',
      evaluations: 'c750cbca9757',
      boundary: '980756d70be6',
    },
    steps: 40,
    firstLoss: 0.6931471824645996,
    lastLoss: 0.6925074458122253,
    lastNormBefore: 0.025625959038734436,
  },
  'V Tanh: zero init vs Xavier b': {
    digests: {
      weights: '0b1ca964a554',
      gradient: '9a68fb989bd5',
      histograms: 'a4fe0ff803bb',
      steps: 'ddf3073df3e0',
      evaluations: '3342cee34d1b',
      boundary: '04be609928ba',
    },
    steps: 40,
    firstLoss: 0.6938468813896179,
    lastLoss: 0.6713069677352905,
    lastNormBefore: 0.7549173695509857,
  },
  'V Narrow: ReLU vs leaky ReLU a': {
    digests: {
      weights: '14e03ca27ac9',
      gradient: '21ca2a7ee089',
      histograms: 'aef08d0e0b4f',
      steps: '7da9eedc01be',
      evaluations: '3d34a34d66c3',
      boundary: '71d6f7a7aec2',
    },
    steps: 40,
    firstLoss: 1.0917962789535522,
    lastLoss: 0.6247493028640747,
    lastNormBefore: 0.9166078517481615,
  },
  'V Narrow: ReLU vs leaky ReLU b': {
    digests: {
      weights: '14e03ca27ac9',
      gradient: 'dbe46c131d2d',
      histograms: 'ee847a85e704',
      steps: '83eed4c2e7ca',
      evaluations: '665b1cd08381',
      boundary: '134d39432d8f',
    },
    steps: 40,
    firstLoss: 1.1146420240402222,
    lastLoss: 0.593752384185791,
    lastNormBefore: 2.1576630839004336,
  },
  'E Large initial weights a': {
    digests: {
      weights: 'bb868065eb61',
      gradient: '047ee2eacd74',
      histograms: '10794083a623',
      steps: '83421875933e',
      evaluations: 'fc5d7156ab89',
      boundary: '74234e98afe7',
    },
    steps: 3,
    firstLoss: 21660.70703125,
    lastLoss: 'NaN',
    lastNormBefore: 'NaN',
  },
  'E Large initial weights b': {
    digests: {
      weights: 'bb868065eb61',
      gradient: '047ee2eacd74',
      histograms: '10794083a623',
      steps: '5312da805f88',
      evaluations: 'd104f45105c6',
      boundary: '74234e98afe7',
    },
    steps: 40,
    firstLoss: 21660.70703125,
    lastLoss: 865.635009765625,
    lastNormBefore: 7106.4384765625,
  },
  'E Large learning rate a': {
    digests: {
      weights: 'f6b1dfae1513',
      gradient: '4e76cbf039c8',
      histograms: '0c24603ba049',
      steps: '503a590d415d',
      evaluations: 'cee7d1bf260e',
      boundary: '74234e98afe7',
    },
    steps: 4,
    firstLoss: 17.706268310546875,
    lastLoss: 'NaN',
    lastNormBefore: 'NaN',
  },
  'E Large learning rate b': {
    digests: {
      weights: 'f6b1dfae1513',
      gradient: '4e76cbf039c8',
      histograms: '0c24603ba049',
      steps: 'a3b3cffb82b8',
      evaluations: 'cd93c41423f5',
      boundary: '74234e98afe7',
    },
    steps: 40,
    firstLoss: 17.706268310546875,
    lastLoss: 4.349069595336914,
    lastNormBefore: 37.19200897216797,
  },
  'E RNN over 30 steps a': {
    digests: {
      weights: '1a575333f20e',
      gradient: '1fbae2a6dac7',
      histograms: '74234e98afe7',
      steps: '80d3a0bad83d',
      evaluations: 'd94cda91b972',
      boundary: '74234e98afe7',
    },
    steps: 2,
    firstLoss: 877213952,
    lastLoss: 'NaN',
    lastNormBefore: 'NaN',
  },
  'E RNN over 30 steps b': {
    digests: {
      weights: '1a575333f20e',
      gradient: '1fbae2a6dac7',
      histograms: '74234e98afe7',
      steps: '63b23d6d60d3',
      evaluations: 'c6ff9ed10e5a',
      boundary: '74234e98afe7',
    },
    steps: 40,
    firstLoss: 877213952,
    lastLoss: 188863.375,
    lastNormBefore: 210023584,
  },
  'V moons': {
    digests: {
      weights: 'cb663d1c1971',
      gradient: 'a11b0ea22a30',
      histograms: '04f830406308',
      steps: 'ac37e06ad095',
      evaluations: '5eef9286c5b7',
      boundary: '77d482dcdc8c',
    },
    steps: 40,
    firstLoss: 0.772767961025238,
    lastLoss: 0.26358217000961304,
    lastNormBefore: 1.0386498257823318,
  },
  'V spiral': {
    digests: {
      weights: 'cb663d1c1971',
      gradient: 'a4326ec9a942',
      histograms: '4d6661b35d59',
      steps: 'cd0a796c655b',
      evaluations: 'c16f5e1e0dce',
      boundary: '079301d2f86e',
    },
    steps: 40,
    firstLoss: 0.6587499380111694,
    lastLoss: 0.6812319159507751,
    lastNormBefore: 0.4735238800579345,
  },
  'V xor': {
    digests: {
      weights: 'cb663d1c1971',
      gradient: '121342ed8339',
      histograms: '161b4cdaeda0',
      steps: 'af15c8b7a7ba',
      evaluations: 'fe13632bfbfa',
      boundary: '861abb3849de',
    },
    steps: 40,
    firstLoss: 0.7667298913002014,
    lastLoss: 0.15395766496658325,
    lastNormBefore: 0.6655179253840822,
  },
  'V momentum': {
    digests: {
      weights: 'cb663d1c1971',
      gradient: '63e95cfb5680',
      histograms: '4a6107746852',
      steps: '035661ec0a22',
      evaluations: '5333e66adef9',
      boundary: '78c7115d0ea4',
    },
    steps: 40,
    firstLoss: 0.5797791481018066,
    lastLoss: 0.39121511578559875,
    lastNormBefore: 0.3134441173695507,
  },
  'V adam': {
    digests: {
      weights: 'cb663d1c1971',
      gradient: '63e95cfb5680',
      histograms: '4a6107746852',
      steps: '7c451674b0eb',
      evaluations: 'e5d828fa6b24',
      boundary: 'cde93d483591',
    },
    steps: 40,
    firstLoss: 0.5797791481018066,
    lastLoss: 0.3602088689804077,
    lastNormBefore: 1.716333335050152,
  },
  'V xavier gain tanh': {
    digests: {
      weights: '5269d7bb1d67',
      gradient: '13c5245676da',
      histograms: '6e4721855f35',
      steps: '44e637e0f5de',
      evaluations: 'fe026475e569',
      boundary: '2520d1e04b90',
    },
    steps: 40,
    firstLoss: 0.6664225459098816,
    lastLoss: 0.11492808163166046,
    lastNormBefore: 1.4420414217857207,
  },
  'V default scale 1.5': {
    digests: {
      weights: '7ee715e59241',
      gradient: '8803a7f477b5',
      histograms: '3b51fa890c88',
      steps: '653fb091054a',
      evaluations: '02179a95abee',
      boundary: 'c23fead02957',
    },
    steps: 40,
    firstLoss: 0.7009814977645874,
    lastLoss: 0.6916104555130005,
    lastNormBefore: 0.028875847590684144,
  },
  'V zeros leaky': {
    digests: {
      weights: '5b09c627e3c2',
      gradient: '5d4a5586e8e0',
      histograms: '83dd87a29a7b',
      steps: '2a6cce93a9ac',
      evaluations: 'cb0d891b3d01',
      boundary: '980756d70be6',
    },
    steps: 40,
    firstLoss: 0.6931471824645996,
    lastLoss: 0.6925074458122253,
    lastNormBefore: 0.025625959038734436,
  },
  'E rnn depth 2': {
    digests: {
      weights: '3d2a6feb2835',
      gradient: '162a0e3f99e4',
      histograms: '74234e98afe7',
      steps: '8d8eded9bcf8',
      evaluations: '0d24fc826bf8',
      boundary: '74234e98afe7',
    },
    steps: 40,
    firstLoss: 1641396096,
    lastLoss: 466050.1875,
    lastNormBefore: 180790016,
  },
  'E rnn seq 10 tensor': {
    digests: {
      weights: '1a575333f20e',
      gradient: '38446e99adec',
      histograms: '74234e98afe7',
      steps: 'd8bbba24f233',
      evaluations: '3381757618f9',
      boundary: '74234e98afe7',
    },
    steps: 40,
    firstLoss: 2.3025877475738525,
    lastLoss: 0.8452348709106445,
    lastNormBefore: 31.619341339201537,
  },
  'E mlp value': {
    digests: {
      weights: 'bb868065eb61',
      gradient: '047ee2eacd74',
      histograms: '10794083a623',
      steps: 'f6c1f5985175',
      evaluations: '2650f626ed2c',
      boundary: '74234e98afe7',
    },
    steps: 40,
    firstLoss: 21660.70703125,
    lastLoss: 183.3155517578125,
    lastNormBefore: 4234.374194265625,
  },
};

describe('gradient widgets: the same seed gives the same numbers as before model specs', () => {
  let before: KernelBackend = 'auto';
  beforeAll(() => {
    before = setKernelBackend('js');
  });
  afterAll(() => {
    setKernelBackend(before);
  });
  const runs = gradientWidgetRuns();

  it('fingerprints every run there is a recorded figure for, and no other', () => {
    expect(runs.map(([name]) => name).sort()).toEqual(Object.keys(BEFORE_SPECS).sort());
  });

  for (const [name, config] of runs) {
    it(`${name}: weights, gradients, histograms, losses and boundary are bit-identical`, () => {
      expect(fingerprint(config)).toEqual(BEFORE_SPECS[name]);
    });
  }
});
