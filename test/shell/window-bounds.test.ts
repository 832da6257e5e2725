import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseWindowState, placeWindow, type Rect } from '../../src/main/window-bounds'
import { readWindowState, writeWindowState } from '../../src/main/window-state-file'

const limits = { width: 1200, height: 800, minWidth: 760, minHeight: 520 }
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 }
const monitorOnRight: Rect = { x: 1440, y: -200, width: 2560, height: 1400 }

describe('placing the window', () => {
  it('uses the default size, centered, the first time', () => {
    expect(placeWindow(undefined, [laptop], limits)).toEqual({ bounds: { width: 1200, height: 800 }, maximized: false })
  })

  it('shrinks the default size to a small screen', () => {
    const small = { x: 0, y: 0, width: 1024, height: 600 }
    expect(placeWindow(undefined, [small], limits).bounds).toEqual({ width: 1024, height: 600 })
  })

  it('restores the saved place on the display it was on', () => {
    const saved = { bounds: { x: 1600, y: -100, width: 1300, height: 900 }, maximized: true }
    expect(placeWindow(saved, [laptop, monitorOnRight], limits)).toEqual(saved)
  })

  it('recenters a window whose monitor is gone, keeping its size if it fits', () => {
    const saved = { bounds: { x: 1600, y: -100, width: 1300, height: 800 }, maximized: false }
    expect(placeWindow(saved, [laptop], limits)).toEqual({ bounds: { width: 1300, height: 800 }, maximized: false })
  })

  it('recenters a window whose title bar is above the screen or barely on it', () => {
    const above = { bounds: { x: 100, y: -400, width: 900, height: 700 }, maximized: false }
    const sliver = { bounds: { x: 1400, y: 100, width: 900, height: 700 }, maximized: false }
    expect(placeWindow(above, [laptop], limits).bounds).not.toHaveProperty('x')
    expect(placeWindow(sliver, [laptop], limits).bounds).not.toHaveProperty('x')
  })

  it('pulls a partly visible window fully onto its screen and fits its size', () => {
    const saved = { bounds: { x: 1000, y: 500, width: 2000, height: 900 }, maximized: false }
    expect(placeWindow(saved, [laptop], limits).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 })
    const offRight = { bounds: { x: 1000, y: 300, width: 900, height: 600 }, maximized: false }
    expect(placeWindow(offRight, [laptop], limits).bounds).toEqual({ x: 540, y: 275, width: 900, height: 600 })
  })

  it('never restores below the minimum size', () => {
    const tiny = { bounds: { x: 10, y: 10, width: 100, height: 50 }, maximized: false }
    expect(placeWindow(tiny, [laptop], limits).bounds).toMatchObject({ width: 760, height: 520 })
  })
})

describe('the stored window state', () => {
  it('accepts only what was written', () => {
    expect(parseWindowState({ bounds: { x: 1.4, y: 2, width: 900, height: 600 }, maximized: true })).toEqual({
      bounds: { x: 1, y: 2, width: 900, height: 600 },
      maximized: true,
    })
    for (const bad of [null, 'x', {}, { bounds: { x: 0, y: 0, width: 0, height: 10 } }, { bounds: { x: 'a', y: 0, width: 9, height: 9 } }, { bounds: { x: Infinity, y: 0, width: 9, height: 9 } }]) {
      expect(parseWindowState(bad)).toBeUndefined()
    }
  })

  it('round-trips through its file and survives a damaged or missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skylight-window-'))
    try {
      const file = join(dir, 'nested', 'window-state.json')
      expect(readWindowState(file)).toBeUndefined()
      const state = { bounds: { x: 5, y: 6, width: 800, height: 600 }, maximized: false }
      writeWindowState(file, state)
      expect(readWindowState(file)).toEqual(state)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state)
      writeFileSync(file, '{"bounds": {"x": 5')
      expect(readWindowState(file)).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
