// @vitest-environment jsdom
// Thumbnails are read a few at a time; a tile that left the page before its turn (the user
// flung through the library) withdraws its request, so only what stays on screen is read.
import { beforeEach, describe, expect, it } from 'vitest'
import { ThumbnailsState } from '../src/lib/state/thumbnails.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'

let desk: FakeDesk
/** Answers the core has not given yet, by file id. */
let waiting: Map<number, () => void>
beforeEach(() => {
  waiting = new Map()
  desk = installFakeDesk({
    'media-thumbnail': (input: { id: number }) => new Promise((resolve) => waiting.set(input.id, () => resolve({ src: `data:image/png;base64,${input.id}` }))),
  })
})

const asked = () => desk.calls.filter((c) => c.method === 'media-thumbnail').map((c) => (c.input as { id: number }).id)

describe('ThumbnailsState', () => {
  it('reads four at a time and drops a waiting request whose tile left the page', async () => {
    const thumbnails = new ThumbnailsState()
    for (const id of [1, 2, 3, 4, 5, 6]) thumbnails.request(id)
    await settle()
    expect(asked()).toEqual([1, 2, 3, 4])

    thumbnails.cancel(5)
    thumbnails.cancel(2) // already under way: it finishes and is kept
    expect(thumbnails.asked(5)).toBe(false)
    expect(thumbnails.asked(2)).toBe(true)

    waiting.get(1)!()
    waiting.get(2)!()
    await settle()
    expect(asked()).toEqual([1, 2, 3, 4, 6])
    expect(thumbnails.url(2)).toBe('data:image/png;base64,2')

    // Shown again, the tile asks again.
    thumbnails.request(5)
    await settle()
    expect(asked()).toEqual([1, 2, 3, 4, 6, 5])
  })
})
