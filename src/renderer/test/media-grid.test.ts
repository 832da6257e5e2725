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
const box = { offsetWidth: 960, offsetHeight: 600, clientWidth: 960, clientHeight: 600 }
const own = new Map<string, PropertyDescriptor | undefined>()
beforeEach(() => {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} })
  vi.stubGlobal('IntersectionObserver', class { observe() {} unobserve() {} disconnect() {} })
  for (const [name, value] of Object.entries(box)) {
    own.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name))
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value })
  }
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  for (const [name, descriptor] of own) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor)
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name]
  }
})

describe('MediaGrid', () => {
  it('puts only the rows in view in the page, each tile numbered among all files', async () => {
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
})
