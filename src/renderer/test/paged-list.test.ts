// @vitest-environment jsdom
// The one paged list behind conversations, contacts, media and a thread: pages appended as
// the user scrolls, a reload after a change that keeps every row scrolled to (the core
// answers at most 500 a read), and answers overtaken by a newer read dropped.
import { beforeEach, describe, expect, it } from 'vitest'
import { ContactsState } from '../src/lib/state/contacts.svelte'
import { ConversationsState } from '../src/lib/state/conversations.svelte'
import { MediaState } from '../src/lib/state/media.svelte'
import { PagedList } from '../src/lib/state/paged-list.svelte'
import { ThreadState } from '../src/lib/state/thread.svelte'
import { installFakeDesk, message, settle, type FakeDesk } from './fake-desk'

let desk: FakeDesk
beforeEach(() => {
  desk = installFakeDesk()
})

const ROWS = 1_200
/** Rows 0..ROWS-1 served by cursor (the index to start at), as the core pages them. */
const byCursor = (input: { before?: { at: number }; limit?: number }, row: (i: number) => unknown) => {
  const start = input.before?.at ?? 0
  const limit = input.limit ?? 50
  expect(limit).toBeLessThanOrEqual(500)
  const end = Math.min(ROWS, start + limit)
  return { items: Array.from({ length: end - start }, (_, k) => row(start + k)), next: end < ROWS ? { at: end, contactId: end, rowId: end } : null }
}

async function scrollTo(loadMore: () => Promise<void>, shown: () => number, rows: number): Promise<void> {
  while (shown() < rows) await loadMore()
}

describe('a reload after a change', () => {
  it('keeps every conversation scrolled to, past 500', async () => {
    desk.handle('conversations-page', (input) =>
      byCursor(input, (i) => ({ contactId: i + 1, name: `C${i}`, channel: 'whatsapp', lastMessage: '', lastMessageAt: null, unreadCount: 0, pending: false })),
    )
    const state = new ConversationsState()
    await state.restart()
    await scrollTo(() => state.loadMore(), () => state.items.length, 700)
    await state.reload()
    expect(state.items).toHaveLength(700)
    expect(state.items.at(-1)?.contactId).toBe(700)
    expect(state.hasMore).toBe(true)
  })

  it('keeps every media tile scrolled to, past 500', async () => {
    desk.handle('media-page', (input) => byCursor(input, (i) => ({ id: i + 1, name: `M${i}`, fileType: 'image', uploadedBy: 'api', pending: false })))
    const media = new MediaState()
    await media.restart()
    await scrollTo(() => media.loadMore(), () => media.items.length, 600)
    await media.reload()
    expect(media.items).toHaveLength(600)
  })

  it('keeps every contact scrolled to, past 500 (paged by offset)', async () => {
    desk.handle('contacts-page', (input: { offset: number; limit: number }) => {
      expect(input.limit).toBeLessThanOrEqual(500)
      const end = Math.min(ROWS, input.offset + input.limit)
      return { items: Array.from({ length: end - input.offset }, (_, k) => ({ id: input.offset + k + 1, name: 'A' })), total: ROWS }
    })
    const contacts = new ContactsState()
    await contacts.restart()
    await scrollTo(() => contacts.loadMore(), () => contacts.items.length, 800)
    await contacts.reload()
    expect(contacts.items).toHaveLength(800)
    expect(contacts.total).toBe(ROWS)
  })

  it('keeps every older message of a thread scrolled back to, past 500', async () => {
    // Newest first, as the core pages a thread: row ROWS is the newest.
    desk.handle('thread-page', (input) => byCursor(input, (i) => message(ROWS - i)))
    const thread = new ThreadState()
    await thread.open(1)
    await scrollTo(() => thread.loadOlder(), () => thread.messages.length, 650)
    const revision = thread.revision
    await thread.refresh()
    expect(thread.messages).toHaveLength(650)
    expect(thread.messages[0]?.rowId).toBe(ROWS - 649)
    expect(thread.messages.at(-1)?.rowId).toBe(ROWS)
    // The newest end did not move, so the view stays where the user is.
    expect(thread.revision).toBe(revision)
  })
})

describe('PagedList', () => {
  it('drops an answer a newer read overtook, and a page asked for while a read is under way', async () => {
    const answers: ((page: { items: number[]; next: number | null }) => void)[] = []
    const list = new PagedList<number, number>({
      pageSize: 2,
      failure: 'Could not read.',
      read: () => new Promise((resolve) => answers.push(resolve)),
    })
    const first = list.restart()
    const second = list.restart()
    expect(await list.loadMore()).toBe(false)
    answers[1]!({ items: [10, 11], next: 2 })
    expect(await second).toBe(true)
    answers[0]!({ items: [1, 2], next: 2 })
    expect(await first).toBe(false)
    expect(list.items).toEqual([10, 11])
    expect(list.loading).toBe(false)
    await settle()
  })

  it('shows its failure sentence, or the core’s, when a page cannot be read', async () => {
    const list = new PagedList<number, number>({ pageSize: 2, failure: 'The rows could not be read.', read: () => Promise.reject(new Error('boom')) })
    expect(await list.restart()).toBe(false)
    expect(list.error).toBe('The rows could not be read.')
    expect(list.loaded).toBe(true)
  })
})
