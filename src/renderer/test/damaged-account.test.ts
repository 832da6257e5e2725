// @vitest-environment jsdom
// An account whose local copy is damaged: Settings says so (never "key needed") and offers
// the rebuild; a damaged settings file or account list set aside at start is told.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import SettingsView from '../src/components/settings/SettingsView.svelte'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'

const account = {
  id: 'acc',
  name: 'Shop',
  keyStorage: 'keychain',
  keyRejected: false,
  keyMissing: false,
  isDemo: false,
  serverId: 1,
  baseUrl: 'https://dashboard.skylightchat.com/',
}
const damaged = { ...account, localData: 'damaged', localDataMessage: 'The local copy of this account (/data/account.sqlite) is damaged. Rebuild it from SkyLight.' }

let fake: FakeDesk
let desk: DeskState
let disconnect: () => void
let rebuilt = false
beforeEach(async () => {
  rebuilt = false
  fake = installFakeDesk({
    'accounts-list': () => ({ accounts: [rebuilt ? { ...account, localData: 'ok', localDataMessage: null } : damaged], activeId: 'acc' }),
    'account-rebuild': () => {
      rebuilt = true
      return { ...account, localData: 'ok', localDataMessage: null }
    },
    'app-notices': () => ({ notices: ['Your settings file was damaged, so SkyLight Desk is using its default settings.'] }),
    'settings-get': () => ({ syncIntervalSeconds: 30, mediaCacheMb: 1024, notifications: true, notificationSound: true, sendWith: 'enter' }),
    'app-info': () => ({ name: 'SkyLight Desk', version: 't', platform: 'linux', dataFolder: '/data' }),
  })
  desk = new DeskState()
  disconnect = desk.connect()
  await desk.session.load()
})
afterEach(() => {
  disconnect()
  cleanup()
})

describe('Settings with a damaged account copy', () => {
  it('names the damage, does not ask for the key, and rebuilds on request', async () => {
    render(SettingsView, { context: new Map([[deskContextKey, desk]]) })
    await settle()
    expect(screen.getByRole('heading', { name: 'The local copy of Shop is damaged' })).toBeTruthy()
    expect(document.body.textContent).toMatch(/account\.sqlite\) is damaged/)
    expect(document.body.textContent).not.toMatch(/key needed|needs this account’s API key/i)
    expect(screen.getByRole('alert').textContent).toMatch(/settings file was damaged/)
    await fireEvent.click(screen.getByRole('button', { name: 'Rebuild from SkyLight' }))
    await settle()
    expect(fake.calls.find((c) => c.method === 'account-rebuild')?.input).toEqual({ id: 'acc' })
    await settle()
    expect(screen.queryByRole('button', { name: 'Rebuild from SkyLight' })).toBeNull()
  })
})
