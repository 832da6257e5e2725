import { describe, expect, it } from 'vitest'
import { badgeFor, channelDropNotification, deskNoticeFor, dotBitmap, kbNotificationFor, notificationFor, windowTitleFor } from '../../src/main/attention-rules'

const message = { accountId: 'a1', contactId: 42, contactName: 'Ada Lovelace', preview: 'Is my order\n  on its way?' }
const prefs = { notifications: true, notificationSound: true }

describe('notifications for inbound messages', () => {
  it('notifies only when the window is not focused', () => {
    expect(notificationFor(message, { windowFocused: true, prefs })).toBeUndefined()
    expect(notificationFor(message, { windowFocused: false, prefs })).toEqual({
      title: 'Ada Lovelace',
      body: 'Is my order on its way?',
      silent: false,
    })
  })

  it('follows the user’s choices: none when turned off, silent when the sound is', () => {
    expect(notificationFor(message, { windowFocused: false, prefs: { notifications: false, notificationSound: true } })).toBeUndefined()
    expect(notificationFor(message, { windowFocused: false, prefs: { notifications: true, notificationSound: false } })).toMatchObject({ silent: true })
  })

  it('has sensible text for unnamed contacts, empty and long messages', () => {
    expect(notificationFor({ accountId: 'a1', contactId: 1, contactName: '  ', preview: '' }, { windowFocused: false, prefs })).toEqual({
      title: 'New message',
      body: 'Sent you a message',
      silent: false,
    })
    const long = notificationFor({ ...message, preview: '😀'.repeat(500) }, { windowFocused: false, prefs })!
    expect([...long.body]).toHaveLength(140)
    expect(long.body.endsWith('…')).toBe(true)
  })
})

describe('the unread badge', () => {
  it('counts unread messages and clears at zero', () => {
    expect(badgeFor(0)).toEqual({ count: 0, overlay: false, description: '' })
    expect(badgeFor(1)).toEqual({ count: 1, overlay: true, description: '1 unread message' })
    expect(badgeFor(7.9)).toMatchObject({ count: 7, description: '7 unread messages' })
    expect(badgeFor(-3).count).toBe(0)
    expect(badgeFor(Number.NaN).count).toBe(0)
  })

  it('shows the count in the window title', () => {
    expect(windowTitleFor('SkyLight Desk', badgeFor(0))).toBe('SkyLight Desk')
    expect(windowTitleFor('SkyLight Desk', badgeFor(3))).toBe('SkyLight Desk (3)')
    expect(windowTitleFor('SkyLight Desk', badgeFor(1200))).toBe('SkyLight Desk (999+)')
  })

  it('draws an opaque round dot for the Windows overlay', () => {
    const size = 16
    const pixels = dotBitmap(size)
    expect(pixels).toHaveLength(size * size * 4)
    const alpha = (x: number, y: number) => pixels[(y * size + x) * 4 + 3]
    expect(alpha(8, 8)).toBe(0xff)
    expect(alpha(0, 0)).toBe(0)
    expect(pixels[(8 * size + 8) * 4 + 2]).toBe(0xd9) // red at the center
  })
})

describe('a dropped channel', () => {
  it('is named, says why in words, and where to reconnect', () => {
    expect(channelDropNotification({ type: 'whatsapp', syncStatus: 'ERROR' })).toEqual({
      title: 'WhatsApp is no longer connected',
      body: 'Messages on it wait until it is connected again. Open Account › Channels to reconnect.',
      silent: false,
    })
    expect(channelDropNotification({ type: 'instagram', syncStatus: 'CREDENTIALS' }).body).toMatch(/^It needs signing in again\./)
  })
})

describe('knowledge-base notifications', () => {
  it('says an entry is ready, or why it failed', () => {
    expect(kbNotificationFor({ title: 'shop.example', status: 'active', error: null })).toEqual({
      title: 'Knowledge base updated',
      body: '“shop.example” is processed and ready for your AI agents.',
      silent: true,
    })
    expect(kbNotificationFor({ title: 'gone.invalid', status: 'failed', error: 'The site gone.invalid could not be reached (DNS lookup failed).' })).toEqual({
      title: 'Knowledge base entry failed',
      body: '“gone.invalid” could not be processed. The site gone.invalid could not be reached (DNS lookup failed).',
      silent: true,
    })
  })
})

describe('what sync saw that a person should act on', () => {
  const away = { windowFocused: false, prefs: { notifications: true, notificationSound: false } }

  it('tells of support’s answer and of website visitors, shortened to one line', () => {
    expect(deskNoticeFor({ kind: 'ticket-answered', subject: 'Widget\nblank' }, away)).toEqual({ title: 'New reply from support', body: 'Support answered “Widget blank”.', silent: true })
    expect(deskNoticeFor({ kind: 'web-chat-waiting', visitor: null }, away)?.body).toMatch(/waiting for a person/)
    const wrote = deskNoticeFor({ kind: 'web-chat-visitor-message', visitor: 'Nour', preview: 'x'.repeat(400) }, away)!
    expect(wrote.title).toMatch(/Nour/)
    expect(wrote.body.length).toBeLessThanOrEqual(140)
  })

  it('stays quiet while the window is in front, or when notifications are off', () => {
    const notice = { kind: 'ticket-answered', subject: 'Hi' } as const
    expect(deskNoticeFor(notice, { ...away, windowFocused: true })).toBeUndefined()
    expect(deskNoticeFor(notice, { ...away, prefs: { notifications: false, notificationSound: true } })).toBeUndefined()
  })
})
