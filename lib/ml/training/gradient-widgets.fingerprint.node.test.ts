/**
 * The vanishing- and exploding-gradient widgets give bit for bit the numbers they gave before the
 * Trainer trained model specs (lib/ml/training/spec.ts) instead of building an MLP or an RNN
 * itself: every run they offer, and a few variations, fingerprinted by
 * testing/gradient-widget-runs.node.ts. The figures below were recorded by that file run against
 * the Trainer of commit a942a56 (before the change), in the same Node.
 */
import { describe, expect, it } from 'vitest';
import { fingerprint, gradientWidgetRuns, type RunFingerprint } from './testing/gradient-widget-runs.node';

const BEFORE_SPECS: Record<string, RunFingerprint> = {
  "V Sigmoid vs ReLU + He a": { digest: "c7d5eb9ea1af4fc4", steps: 40, firstLoss: 0.6972262263298035, lastLoss: 0.6915093064308167, lastNormBefore: 0.038991217594229854 },
  "V Sigmoid vs ReLU + He b": { digest: "9a59f3967c311bef", steps: 40, firstLoss: 0.5797791481018066, lastLoss: 0.4845830500125885, lastNormBefore: 1.62108260802863 },
  "V Default init: sigmoid vs ReLU a": { digest: "c7d5eb9ea1af4fc4", steps: 40, firstLoss: 0.6972262263298035, lastLoss: 0.6915093064308167, lastNormBefore: 0.038991217594229854 },
  "V Default init: sigmoid vs ReLU b": { digest: "ff52a64658639e4d", steps: 40, firstLoss: 0.7009438276290894, lastLoss: 0.6920084953308105, lastNormBefore: 0.024723126091446182 },
  "V Xavier init: sigmoid vs tanh a": { digest: "075cbb5207231279", steps: 40, firstLoss: 0.8410347700119019, lastLoss: 0.7105055451393127, lastNormBefore: 0.49425884128390074 },
  "V Xavier init: sigmoid vs tanh b": { digest: "c8673771ea180429", steps: 40, firstLoss: 0.6938468813896179, lastLoss: 0.6713069677352905, lastNormBefore: 0.7549173695509857 },
  "V Tanh: default vs Xavier init a": { digest: "1e5a3438777216a4", steps: 40, firstLoss: 0.6920653581619263, lastLoss: 0.692496120929718, lastNormBefore: 0.034924105488593295 },
  "V Tanh: default vs Xavier init b": { digest: "c8673771ea180429", steps: 40, firstLoss: 0.6938468813896179, lastLoss: 0.6713069677352905, lastNormBefore: 0.7549173695509857 },
  "V ReLU, 20 layers: default vs He init a": { digest: "c269493b8eb37244", steps: 40, firstLoss: 0.6916220784187317, lastLoss: 0.6954444646835327, lastNormBefore: 0.05646258922411141 },
  "V ReLU, 20 layers: default vs He init b": { digest: "cb7942d63fa8ec15", steps: 40, firstLoss: 0.7051148414611816, lastLoss: 0.5810311436653137, lastNormBefore: 1.9131251933656388 },
  "V Tanh: zero init vs Xavier a": { digest: "5d51579078d32d61", steps: 40, firstLoss: 0.6931471824645996, lastLoss: 0.6925074458122253, lastNormBefore: 0.025625959038734436 },
  "V Tanh: zero init vs Xavier b": { digest: "c8673771ea180429", steps: 40, firstLoss: 0.6938468813896179, lastLoss: 0.6713069677352905, lastNormBefore: 0.7549173695509857 },
  "V Narrow: ReLU vs leaky ReLU a": { digest: "cffa129b2d05be09", steps: 40, firstLoss: 1.0917962789535522, lastLoss: 0.6247493028640747, lastNormBefore: 0.9166078517481615 },
  "V Narrow: ReLU vs leaky ReLU b": { digest: "5f09b9cb890936df", steps: 40, firstLoss: 1.1146420240402222, lastLoss: 0.593752384185791, lastNormBefore: 2.1576630839004336 },
  "E Large initial weights a": { digest: "1ceffa9c1b3a2589", steps: 3, firstLoss: 21660.70703125, lastLoss: "NaN", lastNormBefore: "NaN" },
  "E Large initial weights b": { digest: "97e49f3c54a4fb3d", steps: 40, firstLoss: 21660.70703125, lastLoss: 865.635009765625, lastNormBefore: 7106.4384765625 },
  "E Large learning rate a": { digest: "b946d2f87973f432", steps: 4, firstLoss: 17.706268310546875, lastLoss: "NaN", lastNormBefore: "NaN" },
  "E Large learning rate b": { digest: "93563f3e51e6a9f4", steps: 40, firstLoss: 17.706268310546875, lastLoss: 4.349069595336914, lastNormBefore: 37.19200897216797 },
  "E RNN over 30 steps a": { digest: "c8d3f78f4f09c4ef", steps: 2, firstLoss: 877213952, lastLoss: "NaN", lastNormBefore: "NaN" },
  "E RNN over 30 steps b": { digest: "de47e23aca96cb90", steps: 40, firstLoss: 877213952, lastLoss: 188863.375, lastNormBefore: 210023584 },
  "V moons": { digest: "ef1a154b18e5804c", steps: 40, firstLoss: 0.772767961025238, lastLoss: 0.26358217000961304, lastNormBefore: 1.0386498257823318 },
  "V spiral": { digest: "a598e500de0cde4a", steps: 40, firstLoss: 0.6587499380111694, lastLoss: 0.6812319159507751, lastNormBefore: 0.4735238800579345 },
  "V xor": { digest: "a9aa5a5ccece5e87", steps: 40, firstLoss: 0.7667298913002014, lastLoss: 0.15395766496658325, lastNormBefore: 0.6655179253840822 },
  "V momentum": { digest: "ee90318c1c0d8521", steps: 40, firstLoss: 0.5797791481018066, lastLoss: 0.39121511578559875, lastNormBefore: 0.3134441173695507 },
  "V adam": { digest: "6ed1b917b8127329", steps: 40, firstLoss: 0.5797791481018066, lastLoss: 0.3602088689804077, lastNormBefore: 1.716333335050152 },
  "V xavier gain tanh": { digest: "b9c21cf53c2d4f9a", steps: 40, firstLoss: 0.6664225459098816, lastLoss: 0.11492808163166046, lastNormBefore: 1.4420414217857207 },
  "V default scale 1.5": { digest: "1c5d17eaf462bd00", steps: 40, firstLoss: 0.7009814977645874, lastLoss: 0.6916104555130005, lastNormBefore: 0.028875847590684144 },
  "V zeros leaky": { digest: "f9a5456a458bc2a4", steps: 40, firstLoss: 0.6931471824645996, lastLoss: 0.6925074458122253, lastNormBefore: 0.025625959038734436 },
  "E rnn depth 2": { digest: "25c0ffaa160c1def", steps: 40, firstLoss: 1641396096, lastLoss: 466050.1875, lastNormBefore: 180790016 },
  "E rnn seq 10 tensor": { digest: "48a976c392b41599", steps: 40, firstLoss: 2.3025877475738525, lastLoss: 0.8452348709106445, lastNormBefore: 31.619341339201537 },
  "E mlp value": { digest: "3fa20c6291ec46d6", steps: 40, firstLoss: 21660.70703125, lastLoss: 183.3155517578125, lastNormBefore: 4234.374194265625 },
};

describe('gradient widgets: the same seed gives the same numbers as before model specs', () => {
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
