import { defineConfig } from 'vitest/config';

// `npm run test:torch`: the PyTorch oracle (oracle/README.md). Torch test files live in oracle/
// and beside the code they check (*.torch.test.ts); the normal `npm test` leaves them out.
export default defineConfig({
  test: {
    include: ['oracle/**/*.torch.test.ts', 'lib/**/*.torch.test.ts', 'components/**/*.torch.test.ts'],
    environment: 'node',
    globalSetup: ['oracle/setup/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
