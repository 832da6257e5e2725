import { cpSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

/**
 * The store finds its SQL migrations at `new URL('./migrations', import.meta.url)`, which
 * after bundling is beside out/main/index.js; the bundler does not copy folders, so this does.
 */
function copyMigrations(): Plugin {
  const from = resolve('src/main/core/store/migrations')
  return {
    name: 'skylight-desk:copy-migrations',
    apply: 'build',
    writeBundle(options) {
      const to = resolve(options.dir ?? 'out/main', 'migrations')
      rmSync(to, { recursive: true, force: true })
      cpSync(from, to, { recursive: true })
    },
  }
}

export default defineConfig({
  main: {
    build: {
      // Native modules stay outside the bundle and load from node_modules (unpacked from asar).
      // drizzle-orm and zod are bundled (tree-shaken into one file): loading their hundreds
      // of files cost a sync thread ~0.5 s of CPU before its first request.
      externalizeDeps: { exclude: ['drizzle-orm', 'zod'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Each account's sync runs on a thread of its own (core/sync/thread/sync-thread.ts).
          'sync-thread': resolve('src/main/core/sync/thread/thread.ts'),
        },
        // Shared code beside the entries, not in a subfolder: the store finds its migrations
        // at './migrations' from its own module, wherever the bundler put it.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
    plugins: [copyMigrations()],
  },
  preload: {
    build: {
      // A sandboxed preload cannot be an ES module.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // electron-vite leaves the interface unminified; minified it parses and ships about a
      // third smaller (93 kB gzip before). Main and preload stay readable for stack traces.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [svelte()],
  },
})
