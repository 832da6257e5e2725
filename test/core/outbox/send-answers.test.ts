// What the docs' send answers leave out: the 201 has no direction or created_at, the failure
// answer only {id, status, error}, and the history's Message object has no `error`. A sent or
// refused message must keep its place in the thread and its reason across the next poll.
import { describe, expect, it } from 'vitest'
import { threadPage } from '../../../src/main/core/store'
import { AccountSync } from '../../../src/main/core/sync/account-sync'
import { harness, type Harness } from './helpers'

function syncOf(h: Harness): AccountSync {
  // Long timers: the test drives each run itself.
  return new AccountSync({ api: h.api(), db: h.store.db, onEvent: () => {}, timings: { pollMs: 3_600_000 } })
}

/** A contact of this channel that already has a history on the server. */
function contactWithHistory(h: Harness, type: 'whatsapp' | 'instagram'): number {
  const dump = h.sandbox.control.dump(h.accountId)
  const contact = dump.contacts.find((c) => c.type === type && !c.blacklisted && (dump.messages[c.id]?.length ?? 0) >= 3)
  if (!contact) throw new Error(`seed 7 has no ${type} contact with a history`)
  return contact.id
}

describe('send answers as the docs give them', () => {
  it('a send refused by the server stays at its place in the thread and keeps the server’s reason after the next poll', async () => {
    const h = await harness()
    const contactId = contactWithHistory(h, 'instagram')
    h.sandbox.control.setChannelConnected(h.accountId, 'instagram', false)
    const sync = syncOf(h)
    try {
      await sync.syncNow()
      const before = threadPage(h.store.db, { contactId, limit: 100 }).items
      expect(before.length).toBeGreaterThanOrEqual(3)

      const { outbox } = h.outbox()
      outbox.sendMessage({ contactId, text: 'Did my parcel arrive?' })
      outbox.start()
      await h.drained(outbox)
      expect(outbox.list()[0]).toMatchObject({ state: 'failed', lastError: { message: 'No instagram channel connected.' } })

      const refused = { content: 'Did my parcel arrive?', direction: 'outbound', status: 'failed', error: 'No instagram channel connected.' }
      const afterSend = threadPage(h.store.db, { contactId, limit: 100 }).items
      // Newest first: the refused message is the latest, not dropped to the oldest end.
      expect(afterSend[0]).toMatchObject(refused)
      expect(afterSend[0]!.createdAt).not.toBeNull()
      expect(afterSend).toHaveLength(before.length + 1)

      await sync.syncNow('poll')
      const afterPoll = threadPage(h.store.db, { contactId, limit: 100 }).items
      expect(afterPoll[0]).toMatchObject(refused)
      expect(afterPoll).toHaveLength(before.length + 1)
      // The poll did bring the server's record (its own created_at), and left the reason alone.
      const server = h.sandbox.control.dump(h.accountId).messages[contactId]!.at(-1)!
      expect(afterPoll[0]).toMatchObject({ serverId: server.id, createdAt: server.created_at })
    } finally {
      await sync.stop()
    }
  })

  it('a sent message keeps its direction and time from the 201 that leaves them out', async () => {
    const h = await harness()
    const contactId = contactWithHistory(h, 'whatsapp')
    h.sandbox.control.setChannelConnected(h.accountId, 'whatsapp', true)
    const sync = syncOf(h)
    try {
      await sync.syncNow()
      const { outbox } = h.outbox()
      outbox.sendMessage({ contactId, text: 'Your order has shipped 📦' })
      outbox.start()
      await h.drained(outbox)
      const [sent] = threadPage(h.store.db, { contactId, limit: 100 }).items
      expect(sent).toMatchObject({ content: 'Your order has shipped 📦', direction: 'outbound', status: 'sent', error: null, pending: false })
      expect(sent!.createdAt).not.toBeNull()
      expect(sent!.sentAt).toMatch(/\.000000Z$/)
    } finally {
      await sync.stop()
    }
  })
})
