import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

export default defineConfig({
  test: {
    // Tests start real servers and open real files; two cores make wider pools slower.
    pool: 'forks',
    maxWorkers: 2,
    // Bounds that only stop a hang: every test waits on events and states, and a shared,
    // busy machine may take several times a quiet one's time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll's own default (1 s) is a quiet machine's; a loaded one can take longer to
    // paint what the test waits for. Still only a bound: polls pass as soon as they match.
    expect: { poll: { timeout: 30_000 } },
    projects: [
      // The core, the sandbox, the shell and the browser journeys: plain Node.
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], environment: 'node' } },
      // Component and state tests beside the DOM code they test: Svelte's browser build in
      // jsdom. Only here, since the 'browser' resolve condition would break Node packages (ws).
      {
        extends: true,
        plugins: [svelte(), svelteTesting({ autoCleanup: false })],
        test: { name: 'renderer', include: ['src/renderer/test/**/*.test.ts'], environment: 'jsdom', setupFiles: ['src/renderer/test/setup-languages.ts'] },
      },
    ],
  },
})
