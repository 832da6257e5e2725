// @vitest-environment jsdom
// The interface's language in the renderer: a switch re-renders in place (a typed reply is
// kept), the document takes lang and dir, and counts, plurals and dates follow the language
// and the chosen digits. English is the default (jsdom's navigator says en-US).
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushSync } from 'svelte'
import Composer from '../src/components/inbox/Composer.svelte'
import StatusStrip from '../src/components/frame/StatusStrip.svelte'
import { count, fullTime } from '../src/lib/format'
import { locale, m } from '../src/lib/i18n.svelte'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'

let fake: FakeDesk
let desk: DeskState
let disconnect: () => void
beforeEach(async () => {
  fake = installFakeDesk({
    'accounts-list': () => ({ accounts: [{ id: 'acc', name: 'Shop', keyStorage: 'keychain', keyRejected: false, keyMissing: false, isDemo: false, serverId: 1, baseUrl: 'x' }], activeId: 'acc' }),
    'thread-page': () => ({ items: [], next: null }),
    'conversations-page': () => ({ items: [], next: null }),
  })
  desk = new DeskState()
  disconnect = desk.connect()
  await desk.session.load()
})
afterEach(() => {
  disconnect()
  cleanup()
  locale.apply({ language: 'system', digits: 'latin' })
})

const context = () => new Map([[deskContextKey, desk]])

describe('the interface language', () => {
  it('is English by default', () => {
    expect(locale.language).toBe('en')
    expect(m.inbox_send()).toBe('Send')
  })

  it('switches in place: the words change, what was typed stays', async () => {
    await desk.openConversation(7)
    render(Composer, { context: context() })
    const box = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement
    await fireEvent.input(box, { target: { value: 'Half-written reply' } })
    locale.apply({ language: 'ar', digits: 'latin' })
    flushSync()
    const same = screen.getByRole('textbox', { name: 'الرد' }) as HTMLTextAreaElement
    expect(same).toBe(box)
    expect(same.value).toBe('Half-written reply')
    expect(screen.getByRole('button', { name: 'إرسال' })).toBeTruthy()
  })

  it('words counts with Arabic plural forms and the chosen digits', async () => {
    locale.apply({ language: 'ar', digits: 'arabic' })
    render(StatusStrip, { context: context() })
    fake.emit('sync-status', { accountId: 'acc', state: 'offline', kind: null, firstSyncDone: true, lastSyncedAt: new Date().toISOString(), progress: {}, message: null })
    fake.emit('outbox-changed', { accountId: 'acc', counts: { queued: 2, inFlight: 0, failed: 0 } })
    await settle()
    expect(screen.getByRole('status').textContent).toContain('غير متصل — إجراءان في الانتظار')
    fake.emit('outbox-changed', { accountId: 'acc', counts: { queued: 11, inFlight: 0, failed: 0 } })
    await settle()
    expect(screen.getByRole('status').textContent).toContain('غير متصل — ١١ إجراءً في الانتظار')
    expect(count(12_345)).toBe('١٢٬٣٤٥')
    expect(fullTime('2026-03-05T10:00:00Z')).toMatch(/[٠-٩]/)
    locale.apply({ language: 'ar', digits: 'latin' })
    expect(count(12_345)).toBe('12,345')
    expect(m.contacts_count({ n: 3 })).toBe('3 جهات اتصال')
  })

  it('gives the document its language and direction', () => {
    locale.apply({ language: 'ar', digits: 'latin' })
    expect(locale.dir).toBe('rtl')
    expect(locale.tag).toBe('ar-u-nu-latn')
    locale.apply({ language: 'en', digits: 'arabic' })
    expect(locale.dir).toBe('ltr')
    expect(locale.tag).toBe('en-u-nu-arab')
  })
})
