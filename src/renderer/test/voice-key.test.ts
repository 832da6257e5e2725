// @vitest-environment jsdom
// The voice view's provider key: the page shows only the last 4 characters of the key saved
// in the keychain, hands a typed key to the core once and keeps no copy (not in the field,
// not in the page), works offline (the core queues it), and "Use SkyLight's key" asks the
// core to delete it. Answers are the contract's own voice view.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { methods } from '../../shared/contract'
import VoiceView from '../src/components/voice/VoiceView.svelte'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'

const KEY = 'sk_voice_provider_0a1b2c3d9f8e'
let fake: FakeDesk
let desk: DeskState
let disconnect: () => void
let saved: string | null = null

const voiceView = () =>
  methods['voice-get'].output.parse({
    enabled: true, voiceConfigured: true, hasClonedVoice: false, voiceName: null, language: 'ar', dialect: 'ksa', voicePreloadedAt: null,
    usesOwnKey: saved !== null, ownKey: saved ? { ending: saved.slice(-4) } : null, pending: false,
    dialects: [{ code: 'ksa', name: 'Saudi', nativeName: null, language: 'ar' }],
  })

beforeEach(async () => {
  saved = null
  fake = installFakeDesk({
    'accounts-list': () => ({ accounts: [{ id: 'acc', name: 'Shop', keyStorage: 'keychain', keyRejected: false, keyMissing: false, isDemo: false, serverId: 1, baseUrl: 'x' }], activeId: 'acc' }),
    'voice-get': voiceView,
    'voice-set-key': ({ key }: { key: string | null }) => {
      saved = key
      return voiceView()
    },
  })
  desk = new DeskState()
  disconnect = desk.connect()
  await desk.session.load()
  await desk.loadViews()
  await desk.voice.load()
})
afterEach(() => {
  disconnect()
  cleanup()
})

const context = () => new Map([[deskContextKey, desk]])

describe('VoiceView: the provider key', () => {
  it('saves a typed key, then shows only its last 4 characters; the page keeps no copy', async () => {
    const { container } = render(VoiceView, { context: context() })
    await settle()
    await fireEvent.click(screen.getByLabelText('Use my own key'))
    const field = screen.getByLabelText('Your voice provider key') as HTMLInputElement
    await fireEvent.input(field, { target: { value: KEY } })
    await fireEvent.click(screen.getByRole('button', { name: 'Save key' }))
    await settle()
    expect(fake.calls.filter((c) => c.method === 'voice-set-key')).toEqual([{ method: 'voice-set-key', input: { key: KEY } }])
    expect(container.textContent).toMatch(/Saved in this computer’s keychain: key ending in 9f8e/)
    expect((screen.getByLabelText('Your voice provider key') as HTMLInputElement).value).toBe('')
    expect(container.innerHTML).not.toContain(KEY)
    expect(JSON.stringify(desk.voice.voice)).not.toContain(KEY)
    expect(screen.getByRole('status').textContent).toMatch(/saved in this computer’s keychain/)
  })

  it('"Use SkyLight’s key" asks the core to delete the saved key, offline too', async () => {
    saved = KEY
    await desk.voice.load()
    render(VoiceView, { context: context() })
    await settle()
    expect(screen.getByText(/key ending in/).textContent).toMatch(/9f8e/)
    fake.emit('sync-status', { accountId: 'acc', state: 'offline', kind: null, firstSyncDone: true, lastSyncedAt: null, progress: {}, message: null })
    await settle()
    const skylight = screen.getByLabelText('Use SkyLight’s key') as HTMLInputElement
    expect(skylight.disabled).toBe(false)
    await fireEvent.click(skylight)
    await settle()
    expect(fake.calls.at(-1)).toEqual({ method: 'voice-set-key', input: { key: null } })
    expect(screen.queryByText(/key ending in/)).toBeNull()
    expect(screen.getByRole('status').textContent).toMatch(/deleted from this computer\. SkyLight gets it as soon as you are online/)
  })
})
