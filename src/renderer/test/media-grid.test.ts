// @vitest-environment jsdom
// The media grid with a library of 1,200 files: only the rows in view are in the page (all
// of them froze the window for half a second), and every tile still says where it stands.
import { cleanup, render } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import MediaGrid from '../src/components/media/MediaGrid.svelte'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { installFakeDesk, settle } from './fake-desk'

const FILES = 1_200

// jsdom lays nothing out: every element reads as a 960 × 600 box, the observers as inert.
// Every read of the layout (and every scroll, which needs one) is counted.
const box = { offsetWidth: 960, offsetHeight: 600, clientWidth: 960, clientHeight: 600, scrollTop: 0 }
const own = new Map<string, PropertyDescriptor | undefined>()
let layoutReads: string[] = []
beforeEach(() => {
  layoutReads = []
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} })
  vi.stubGlobal('IntersectionObserver', class { observe() {} unobserve() {} disconnect() {} })
  for (const [name, value] of Object.entries(box)) {
    own.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name))
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => (layoutReads.push(name), value), set: () => {} })
  }
  own.set('scrollTo', Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollTo'))
  Object.defineProperty(HTMLElement.prototype, 'scrollTo', { configurable: true, value: () => layoutReads.push('scrollTo') })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  for (const [name, descriptor] of own) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor)
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name]
  }
})

async function library(): Promise<DeskState> {
  installFakeDesk({
    'media-page': () => ({
      items: Array.from({ length: FILES }, (_, i) => ({
        id: i + 1,
        name: `File ${i + 1}`,
        fileType: 'image',
        fileSize: 1000,
        formattedSize: null,
        createdAt: null,
        uploadedBy: 'api',
        pending: false,
      })),
      next: null,
    }),
  })
  const desk = new DeskState()
  await desk.media.restart()
  return desk
}

describe('MediaGrid', () => {
  it('puts only the rows in view in the page, each tile numbered among all files', async () => {
    const desk = await library()
    expect(desk.media.items).toHaveLength(FILES)
    const { container } = render(MediaGrid, { context: new Map([[deskContextKey, desk]]) })
    await settle()
    const tiles = [...container.querySelectorAll('li.tile')]
    expect(tiles.length).toBeGreaterThan(0)
    expect(tiles.length).toBeLessThan(50)
    expect(tiles[0]?.getAttribute('aria-posinset')).toBe('1')
    expect(tiles[0]?.getAttribute('aria-setsize')).toBe(String(FILES))
    expect(container.querySelector('ul')?.getAttribute('aria-label')).toBe('Media files')
  })
  it('comes back with the same tiles without reading the layout while mounting (each read forced one)', async () => {
    const desk = await library()
    const context = new Map([[deskContextKey, desk]])
    const first = render(MediaGrid, { context })
    await settle()
    const shown = [...first.container.querySelectorAll('li.tile')].map((tile) => tile.getAttribute('aria-posinset'))
    const place = first.container.querySelector('li.tile')?.getAttribute('style')
    first.unmount()

    layoutReads = []
    const again = render(MediaGrid, { context })
    await settle()
    expect(layoutReads).toEqual([])
    expect([...again.container.querySelectorAll('li.tile')].map((tile) => tile.getAttribute('aria-posinset'))).toEqual(shown)
    expect(again.container.querySelector('li.tile')?.getAttribute('style')).toBe(place)
    expect(again.container.querySelector('li.tile [data-tile]')?.getAttribute('tabindex')).toBe('0')
  })
})
