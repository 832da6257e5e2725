// The layers' boundaries (DESIGN.md): read from the source, so a wrong import fails here
// before it fails at run time in the one process that cannot load it.
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
}

/** Every module a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8')
  const found = [...text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)]
  return found.map((m) => m[1] ?? m[2] ?? m[3]!)
}

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
const offenders = (dirs: string[], bad: (specifier: string, file: string) => boolean) =>
  dirs.flatMap(sources).flatMap((file) => importsOf(file).filter((s) => bad(s, file)).map((s) => `${file} imports ${s}`))

describe('layer boundaries', () => {
  it('finds the imports it checks (the scanner itself works)', () => {
    expect(importsOf('src/main/core/index.ts').length).toBeGreaterThan(3)
    expect(importsOf('src/renderer/src/App.svelte').length).toBeGreaterThan(0)
  })

  it('the core, the sandbox and the contract never import electron', () => {
    expect(offenders(['src/main/core', 'src/sandbox', 'src/shared'], (s) => s === 'electron' || s.startsWith('electron/'))).toEqual([])
  })

  it('the contract and the interface never import Node built-ins or native modules', () => {
    const native = new Set(['better-sqlite3', 'keytar', 'electron'])
    expect(offenders(['src/shared', 'src/renderer/src'], (s) => nodeBuiltins.has(s) || native.has(s))).toEqual([])
  })

  it('the core reaches the sandbox only through the demo account', () => {
    expect(offenders(['src/main/core'], (s, file) => /(^|\/)sandbox(\/|$)/.test(s) && file !== 'src/main/core/demo-server.ts')).toEqual([])
  })

  it('the core writes nothing to the console: its log redacts keys, the console does not', () => {
    const hits = sources('src/main/core')
      .filter((file) => !file.startsWith('src/main/core/log/'))
      .filter((file) => /\bconsole\.(log|info|warn|error|debug)\(/.test(readFileSync(join(root, file), 'utf8')))
    expect(hits).toEqual([])
  })
})
