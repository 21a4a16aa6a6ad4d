import { describe, expect, it } from 'vitest';
import { base64OfArray } from '../../common';
import { Rng } from '../../engine';
import { fitScale, samplePoints, type OwnPoints } from '../datasets';
import { DEEP_RELU_HE } from './presets';
import { ownTask, taskData } from './data';
import { trainingScript } from './pytorch-script';
import { Trainer } from './trainer';

const sample = samplePoints(new Rng(16));
const OWN: OwnPoints = { points: sample.points, labels: sample.labels, scale: fitScale(sample.points), source: { kind: 'file', name: 'moons-sample.csv' } };
const task = ownTask(OWN);

const rowsOf = (x: Float32Array, y: Float32Array): string[] => Array.from(y, (label, i) => `${x[2 * i]},${x[2 * i + 1]},${label}`);

describe('the reader’s own data as a task', () => {
  it('ownTask() carries every point scaled into [−1, 1], with its class', () => {
    expect(task.n).toBe(80);
    expect(Math.min(...task.points.map((p) => p[0]))).toBeCloseTo(-1, 12);
    expect(Math.max(...task.points.map((p) => p[0]))).toBeCloseTo(1, 12);
    expect(Math.min(...task.points.map((p) => p[1]))).toBeCloseTo(-1, 12);
    expect(Math.max(...task.points.map((p) => p[1]))).toBeCloseTo(1, 12);
    expect(task.points.map((p) => p[2])).toEqual(OWN.points.map((p) => p[2]));
  });

  it('taskData() splits the points 80/20, every point once, the same way for the same seed and another way for another', () => {
    const { train, test } = taskData(task, 1);
    expect([train.n, test.n]).toEqual([64, 16]);
    const all = [...rowsOf(train.x, train.y), ...rowsOf(test.x, test.y)].sort();
    const expected = task.points.map((p) => `${Math.fround(p[0])},${Math.fround(p[1])},${p[2]}`).sort();
    expect(all).toEqual(expected);
    expect(taskData(task, 1).test.x).toEqual(test.x);
    expect(taskData(task, 2).test.x).not.toEqual(test.x);
  });

  it('trainingScript() embeds the reader’s points and says whose they are', () => {
    const config = { ...DEEP_RELU_HE, task };
    const s = trainingScript(config, { title: 'Vanishing gradients, run B', steps: 100, evalEvery: 25 });
    const { train, test } = taskData(task, config.seed);
    expect(s).toContain(`X_TRAIN = '${base64OfArray(train.x)}'`);
    expect(s).toContain(`Y_TEST = '${base64OfArray(test.y)}'`);
    expect(s).toContain('Data: 80 points of your own data, each feature scaled as the widget scales it, label 0 or 1');
  });

  it('a network trains on them: ReLU + He lowers the training loss within 200 updates', () => {
    const trainer = new Trainer({ ...DEEP_RELU_HE, depth: 3, width: 16, task });
    const before = trainer.evaluate().trainLoss;
    for (let s = 0; s < 200; s++) trainer.trainStep();
    expect(trainer.evaluate().trainLoss).toBeLessThan(0.8 * before);
  });
});
