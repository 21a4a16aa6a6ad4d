/** Times one trial of the real objective and whole races of each method (see hps-data.mjs --bench). */
import { loadavg } from 'node:os';
import { quantile } from '../lib/common';
import { METHODS, realObjective, runRace, toyObjective, type Objective } from '../lib/course/hyperparameter-search';

const ms = (since: number): number => performance.now() - since;
console.log(`load average before: ${loadavg()[0]!.toFixed(1)} (other processes skew every figure)`);

const trialTimes: number[] = [];
for (let k = 0; k < 15; k++) {
  const started = performance.now();
  realObjective.evaluate([(k + 0.5) / 15, 0.5], 1);
  trialTimes.push(ms(started));
}
console.log(`one trial (300 steps + validation): median ${quantile(trialTimes, 0.5).toFixed(0)} ms, range ${Math.min(...trialTimes).toFixed(0)}–${Math.max(...trialTimes).toFixed(0)} ms over 15 learning rates`);

const race = (objective: Objective, budget: number): void => {
  let total = 0;
  const parts = METHODS.map((m) => {
    const started = performance.now();
    const trials = runRace(m, objective, budget, 1);
    const took = ms(started);
    total += took;
    return `${m.label} ${(took / 1000).toFixed(2)} s (${trials.length} trials)`;
  });
  console.log(`race, ${objective.id}, budget ${budget}, seed 1, one process, no cache: ${parts.join('; ')}; all four ${(total / 1000).toFixed(1)} s`);
};
race(realObjective, 16);
race(toyObjective, 16);
console.log(`load average after: ${loadavg()[0]!.toFixed(1)}`);
