// No words the user reads are written into a component: they come from the catalogs, so
// both languages have them. See literals.ts for what counts.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findLiterals, findScriptLiterals } from './literals'

const components = resolve('src/renderer/src')

function filesEndingIn(dir: string, ending: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesEndingIn(path, ending)
    return ending.test(name) ? [path] : []
  })
}
const svelteFiles = (dir: string) => filesEndingIn(dir, /\.svelte$/)

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

// The renderer's TypeScript (state, formatting, helpers) makes words the views print too:
// refusals, notices, day names.
// Words no user reads, by file and text; each says why.
const NOT_SHOWN = new Set([
  // Thrown before any view exists, when index.html is broken: a developer's message.
  'main.ts: The page has no #app element',
  // A message asked for before its language was fetched: a developer's mistake, with no words to say it in.
  'lib/i18n.svelte.ts: The',
])

describe('the renderer\'s modules', () => {
  const modules = filesEndingIn(components, /(?<!\.d)\.ts$/)

  it('are all checked', () => {
    expect(modules.filter((path) => relative(components, path).startsWith('lib/')).length).toBeGreaterThan(10)
  })

  it('hold no user-visible string literal', () => {
    const found = modules.flatMap((path) =>
      findScriptLiterals(readFileSync(path, 'utf8'), path)
        .filter((l) => !NOT_SHOWN.has(`${relative(components, path)}: ${l.text}`))
        .map((l) => `${relative(components, path)}:${l.line}: ${l.text}`),
    )
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

  it('finds sentences and lone words in a module, not keys, names, types or what is compared', () => {
    const found = findScriptLiterals(`import { x } from './Some module'
type Kind = 'Tag list'
const today = 'Today'
const refusal = \`Give the \${noun} a name.\`
const headers = { 'Content type': 'json', Accept: 'text/plain' }
if (event.key === 'Enter' || event.key === 'Escape') close()
switch (key) { case 'Home': break }
const on = 'keydown'
const css = 'row gap'
call('group-create', { kind: 'tag' })
throw new Error('The file could not be read.')
const brand = 'SkyLight'`)
    expect(found.map((l) => `${l.line}: ${l.text}`)).toEqual(['3: Today', '4: Give the', '11: The file could not be read.'])
  })
})
