import { describe, expect, it } from 'vitest'
import { badgeFor, dotBitmap, kbNotificationFor, notificationFor, windowTitleFor } from '../../src/main/attention-rules'

const message = { accountId: 'a1', contactId: 42, contactName: 'Ada Lovelace', preview: 'Is my order\n  on its way?' }

describe('notifications for inbound messages', () => {
  it('notifies only when the window is not focused', () => {
    expect(notificationFor(message, { windowFocused: true })).toBeUndefined()
    expect(notificationFor(message, { windowFocused: false })).toEqual({
      title: 'Ada Lovelace',
      body: 'Is my order on its way?',
    })
  })

  it('has sensible text for unnamed contacts, empty and long messages', () => {
    expect(notificationFor({ accountId: 'a1', contactId: 1, contactName: '  ', preview: '' }, { windowFocused: false })).toEqual({
      title: 'New message',
      body: 'Sent you a message',
    })
    const long = notificationFor({ ...message, preview: '😀'.repeat(500) }, { windowFocused: false })!
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

describe('knowledge-base notifications', () => {
  it('says an entry is ready, or why it failed', () => {
    expect(kbNotificationFor({ title: 'shop.example', status: 'active', error: null })).toEqual({
      title: 'Knowledge base updated',
      body: '“shop.example” is processed and ready for your AI agents.',
    })
    expect(kbNotificationFor({ title: 'gone.invalid', status: 'failed', error: 'The site gone.invalid could not be reached (DNS lookup failed).' })).toEqual({
      title: 'Knowledge base entry failed',
      body: '“gone.invalid” could not be processed. The site gone.invalid could not be reached (DNS lookup failed).',
    })
  })
})
