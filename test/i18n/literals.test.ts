// No words the user reads are written into a component: they come from the catalogs, so
// both languages have them. See literals.ts for what counts.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findLiterals } from './literals'

const components = resolve('src/renderer/src')

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return svelteFiles(path)
    return name.endsWith('.svelte') ? [path] : []
  })
}

// Folders whose conversion to catalog messages is under way on another branch; each is
// removed from this list as it lands, and the list ends empty.
const PENDING: string[] = []

describe('components', () => {
  const files = svelteFiles(components).filter((path) => !PENDING.some((folder) => relative(components, path).startsWith(`${folder}/`)))

  it('are all checked', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it('hold no user-visible string literal', () => {
    const found = files.flatMap((path) => findLiterals(readFileSync(path, 'utf8')).map((l) => `${relative(components, path)}:${l.line} ${l.where}: ${l.text}`))
    expect(found).toEqual([])
  })
})

describe('the literal finder', () => {
  it('finds text, user-facing attributes, printed literals and sentences in the script', () => {
    const found = findLiterals(`<script lang="ts">
  const label = 'Remove account'
  const key = 'inbox'
</script>
<p>Hello</p>
<button aria-label="Close" class="x" title={open ? 'Hide' : 'Show'}>✕</button>
<Dialog confirmLabel="Delete" variant="danger" />
<span>{count > 1 ? 'items' : name}</span>
<kbd>Ctrl K</kbd>
<p>{m.hello()} · {name}</p>
<h1>SkyLight Desk</h1>`)
    expect(found.map((l) => `${l.where}: ${l.text}`)).toEqual([
      'text: Hello',
      'aria-label: Close',
      'title: Hide',
      'title: Show',
      'confirmLabel: Delete',
      'text: items',
      'script: Remove account',
    ])
  })
})
