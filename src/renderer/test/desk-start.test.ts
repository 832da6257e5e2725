// @vitest-environment jsdom
// Starting the desk: the settings main.ts read to draw the first frame in the user's language
// are handed on, not asked for again; without them they are read here.
import { describe, expect, it } from 'vitest'
import type { Settings } from '../../shared/contract'
import { DeskState } from '../src/lib/state/desk.svelte'
import { installFakeDesk, type FakeDesk } from './fake-desk'

const settings: Settings = { syncIntervalSeconds: 30, mediaCacheMb: 1024, notifications: true, notificationSound: true, sendWith: 'ctrl-enter', language: 'en', digits: 'latin' }

function bridge(): FakeDesk {
  return installFakeDesk({
    'settings-get': () => settings,
    'app-info': () => ({ name: 'SkyLight Desk', version: 't', platform: 'linux', dataFolder: '/data' }),
    'accounts-list': () => ({ accounts: [], activeId: null }),
    'app-notices': () => ({ notices: [] }),
  })
}

describe('DeskState.start', () => {
  it('uses the settings it is handed and reads the rest', async () => {
    const fake = bridge()
    const desk = new DeskState()
    await desk.start(settings)
    expect(fake.calls.filter((c) => c.method === 'settings-get')).toHaveLength(0)
    expect(desk.settings.settings?.sendWith).toBe('ctrl-enter')
    expect(desk.settings.dataFolder).toBe('/data')
    expect(desk.session.loaded).toBe(true)
  })

  it('reads the settings when it is handed none (main.ts could not)', async () => {
    const fake = bridge()
    const desk = new DeskState()
    await desk.start()
    expect(fake.calls.filter((c) => c.method === 'settings-get')).toHaveLength(1)
    expect(desk.settings.settings?.sendWith).toBe('ctrl-enter')
  })
})
