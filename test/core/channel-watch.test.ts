// The channel watch on a real store file: a connected channel that a re-read finds
// disconnected is told once; the first look only learns; a disconnect the user asked for
// is not news.
import { describe, expect, it } from 'vitest'
import { ChannelWatch } from '../../src/main/core/channel-watch'
import { replaceChannels } from '../../src/main/core/store'
import { openTempStore } from './store/helpers'

const ch = (type: 'whatsapp' | 'telegram', is_connected: boolean, sync_status = is_connected ? 'OK' : 'ERROR') => ({
  id: type === 'whatsapp' ? 1 : 2, type, username: null, is_connected, sync_status, last_synced_at: null,
})

describe('the channel watch', () => {
  it('tells of a drop once, learns first, and leaves out an expected disconnect', () => {
    const store = openTempStore()
    const watch = new ChannelWatch()
    replaceChannels(store.db, [ch('whatsapp', true), ch('telegram', true)])
    expect(watch.check('a', store.db)).toEqual([])
    replaceChannels(store.db, [ch('whatsapp', false), ch('telegram', true)])
    expect(watch.check('a', store.db)).toEqual([{ type: 'whatsapp', syncStatus: 'ERROR' }])
    expect(watch.check('a', store.db)).toEqual([])
    watch.expectDrop('a', 'telegram')
    replaceChannels(store.db, [ch('whatsapp', false), ch('telegram', false, 'STOPPED')])
    expect(watch.check('a', store.db)).toEqual([])
  })
})
