// The small pure decisions the views share: list keys, upload checks, status marks, formats.
import { describe, expect, it } from 'vitest'
import { channelLabel, fileSize } from '../src/lib/format'
import { m } from '../src/lib/i18n.svelte'
import { nextIndex } from '../src/lib/list-nav'
import { checkFile, MAX_UPLOAD_BYTES } from '../src/lib/upload-rules'
import { markOf } from '../src/lib/state/thread.svelte'
import { accountLabel } from '../src/lib/account-label'
import { viewsToRefresh } from '../src/lib/state/refresh-routes'

describe('list keys', () => {
  it('moves within bounds and ignores other keys', () => {
    expect(nextIndex('ArrowDown', 0, 3)).toBe(1)
    expect(nextIndex('ArrowDown', 2, 3)).toBe(2)
    expect(nextIndex('ArrowUp', 0, 3)).toBe(0)
    expect(nextIndex('PageDown', 1, 30, 10)).toBe(11)
    expect(nextIndex('End', 1, 30)).toBe(29)
    expect(nextIndex('Home', 9, 30)).toBe(0)
    expect(nextIndex('a', 1, 3)).toBeNull()
    expect(nextIndex('ArrowDown', 0, 0)).toBeNull()
  })
})

describe('upload checks', () => {
  it('accepts SkyLight’s types up to 50 MB and says why it refuses the rest', () => {
    expect(checkFile('photo.JPG', 10)).toEqual({ ok: true })
    expect(checkFile('clip.mp4', MAX_UPLOAD_BYTES)).toEqual({ ok: true })
    expect(checkFile('clip.mp4', MAX_UPLOAD_BYTES + 1)).toEqual({ ok: false, reason: expect.stringMatching(/50\.0 MB; SkyLight accepts files up to 50 MB/) })
    expect(checkFile('notes.pdf', 10)).toEqual({ ok: false, reason: expect.stringMatching(/accepts jpg, jpeg, png/) })
    expect(checkFile('empty.png', 0)).toEqual({ ok: false, reason: '“empty.png” is empty.' })
  })
})

describe('message marks', () => {
  it('shows pending, sent, delivered, read and failed for outgoing messages', () => {
    const out = { direction: 'outbound', error: null, pending: false }
    expect(markOf({ ...out, status: 'sent', pending: true })).toBe('pending')
    expect(markOf({ ...out, status: 'pending' })).toBe('pending')
    expect(markOf({ ...out, status: 'sent' })).toBe('sent')
    expect(markOf({ ...out, status: 'delivered' })).toBe('delivered')
    expect(markOf({ ...out, status: 'read' })).toBe('read')
    expect(markOf({ ...out, status: 'failed' })).toBe('failed')
    expect(markOf({ direction: 'inbound', status: 'read', pending: false, error: null })).toBe('received')
  })
})

describe('formats and routing', () => {
  it('reads sizes, counts and channels', () => {
    expect(fileSize(512)).toBe('512 B')
    expect(fileSize(51 * 1024 * 1024)).toBe('51.0 MB')
    expect(m.status_actions({ n: 1 })).toBe('1 action')
    expect(m.status_actions({ n: 3 })).toBe('3 actions')
    expect(channelLabel('whatsapp')).toBe('WhatsApp')
    expect(channelLabel(null)).toBe('Unknown channel')
  })

  it('refreshes the views that show a changed resource, and only those', () => {
    expect([...viewsToRefresh(['messages', 'conversations'])].sort()).toEqual(['conversations', 'search', 'thread'])
    // A conversation marked read changes its row, not the thread on screen.
    expect([...viewsToRefresh(['conversations'])]).toEqual(['conversations'])
    expect([...viewsToRefresh(['media'])]).toEqual(['media'])
    expect([...viewsToRefresh(['campaigns'])].sort()).toEqual(['campaign', 'campaigns'])
    // A renamed contact shows in the inbox too.
    expect(viewsToRefresh(['contacts']).has('conversations')).toBe(true)
    expect([...viewsToRefresh(['groups'])].sort()).toEqual(['contact', 'contacts', 'groups'])
    expect([...viewsToRefresh([])]).toEqual([])
  })
})

describe('account names', () => {
  const account = (id: string, name: string, baseUrl: string, serverId: number) => ({ id, name, baseUrl, serverId })
  it('tell apart two accounts of one name by server, else by SkyLight’s number', () => {
    const a = account('a', 'Nakheel Trading', 'https://app.skylightchat.com/', 1)
    const b = account('b', 'Nakheel Trading', 'https://eu.skylightchat.com/', 2)
    const c = account('c', 'Nakheel Trading', 'https://app.skylightchat.com/', 3)
    const d = account('d', 'Other Co', 'https://app.skylightchat.com/', 4)
    expect(accountLabel(d, [a, b, c, d])).toBe('Other Co')
    expect(accountLabel(a, [a, b, d])).toBe('Nakheel Trading · app.skylightchat.com')
    expect(accountLabel(a, [a, b, c, d])).toBe('Nakheel Trading · #1')
  })
})
