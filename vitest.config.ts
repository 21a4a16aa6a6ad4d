import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'site/**/*.test.ts', 'scripts/**/*.test.ts', 'oracle/**/*.test.ts'],
    // *.torch.test.ts need PyTorch: they run with `npm run test:torch` (vitest.torch.config.ts).
    exclude: [...configDefaults.exclude, '**/*.torch.test.ts'],
    environment: 'node',
    // Some tests train small networks for hundreds of steps; a loaded 2-core machine needs the room.
    testTimeout: 60_000,
    // Test files share their worker's modules instead of importing everything afresh (267 s → 163 s
    // for the suite on a quiet machine). Safe because no test leaves module state changed: the
    // kernel backend, fake timers, stubbed globals and spies are restored after each test, and the
    // caches that remain (loaded data, compiled Wasm) hold the same values for every file.
    isolate: false,
    // Every core: Vitest's default for `vitest run` is one worker fewer than the cores, which on a
    // 2-core machine ran the whole suite on one core (414 s of file time in 414 s of wall time).
    maxWorkers: '100%',
  },
});
