import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'site/**/*.test.ts', 'scripts/**/*.test.ts', 'oracle/**/*.test.ts'],
    // *.torch.test.ts need PyTorch: they run with `npm run test:torch` (vitest.torch.config.ts).
    exclude: [...configDefaults.exclude, '**/*.torch.test.ts'],
    environment: 'node',
    // Some tests train small networks for hundreds of steps; a loaded 2-core machine needs the room.
    testTimeout: 60_000,
  },
});
