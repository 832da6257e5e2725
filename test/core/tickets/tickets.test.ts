// Tickets end to end over real HTTP: a ticket opened and replied to offline goes out in
// order on reconnect (the reply follows the ticket to its server id), support's answer
// arrives with the next refresh, a closed ticket refuses replies, and a reply whose answer
// is lost is sent exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getTicket, ticketList } from '../../../src/main/core/store'
import { markSlowCollectionsDue } from '../../../src/main/core/sync/plans'
import { syncedWorld, type World } from '../../conformance/world'

let w: World
beforeAll(async () => {
  w = await syncedWorld(42)
})
afterAll(async () => w?.close())

describe('support tickets', () => {
  it('syncs the list with reference codes, departments and every thread', () => {
    const local = ticketList(w.store.db)
    const server = w.dump().tickets
    expect(local.map((t) => t.reference).sort()).toEqual(server.map((t) => t.ticket_id).sort())
    const first = server[0]!
    const detail = getTicket(w.store.db, first.id)
    expect(detail.departmentTitle).toBe(first.department?.title ?? null)
    expect(detail.replies.map((r) => [r.message, r.fromSupport])).toEqual(first.replies.map((r) => [r.message, r.is_admin]))
  })

  it('opens and replies offline; on reconnect both go out in order and the thread is the server’s', async () => {
    const outbox = w.outbox() // not started: offline
    const { localId } = outbox.queue('create-ticket', { subject: 'Offline ticket', body: 'Written on a plane', priority: 'high' })
    outbox.queue('reply-ticket', { ticketId: localId!, text: 'And one more thing' })
    const pending = getTicket(w.store.db, localId!)
    expect(pending).toMatchObject({ pending: true, reference: null, status: 'open', allowed: { reply: true, close: true } })
    expect(pending.replies.map((r) => [r.message, r.state])).toEqual([
      ['Written on a plane', 'pending'],
      ['And one more thing', 'pending'],
    ])

    outbox.start()
    await w.drained(outbox)
    const made = w.dump().tickets.find((t) => t.subject === 'Offline ticket')!
    expect(made.replies.map((r) => r.message)).toEqual(['Written on a plane', 'And one more thing'])
    expect(made.priority).toBe('high')
    await outbox.stop()

    w.sandbox.control.supportReply({ accountId: w.accountId, ticketId: made.id, message: 'We are on it.' })
    // Tickets are among the collections a refresh reads every half hour, or at once when the
    // user asks to sync now (the contract's sync-now marks them due, as here).
    markSlowCollectionsDue(w.store.db)
    await w.sync.syncNow('refresh')
    const synced = getTicket(w.store.db, made.id)
    expect(synced).toMatchObject({ reference: made.ticket_id, status: 'answered', pending: false })
    expect(synced.replies.map((r) => [r.message, r.fromSupport, r.state])).toEqual([
      ['Written on a plane', false, 'sent'],
      ['And one more thing', false, 'sent'],
      ['We are on it.', true, 'sent'],
    ])
    expect(() => getTicket(w.store.db, localId!)).toThrow()
  })

  it('closes a ticket, after which the core refuses a reply', async () => {
    const open = w.dump().tickets.find((t) => t.status !== 'closed')!
    const outbox = w.outbox()
    outbox.queue('close-ticket', { ticketId: open.id })
    expect(getTicket(w.store.db, open.id)).toMatchObject({ status: 'closed', pending: true, allowed: { reply: false, close: false } })
    expect(() => outbox.queue('reply-ticket', { ticketId: open.id, text: 'too late' })).toThrow(/closed/)
    outbox.start()
    await w.drained(outbox)
    await outbox.stop()
    expect(w.dump().tickets.find((t) => t.id === open.id)!.status).toBe('closed')
    await w.sync.syncNow('refresh')
    expect(getTicket(w.store.db, open.id)).toMatchObject({ status: 'closed', pending: false })
  })

  it('sends a reply exactly once when its answer is lost twice', async () => {
    const open = w.dump().tickets.find((t) => t.status !== 'closed')!
    await w.sandbox.control.setFaults({ rules: [{ method: 'POST', path: /\/tickets\/\d+\/reply$/, kind: 'drop-after', times: 2 }] })
    try {
      const outbox = w.outbox()
      outbox.queue('reply-ticket', { ticketId: open.id, text: 'Only once, please' })
      outbox.start()
      await w.drained(outbox)
      await outbox.stop()
    } finally {
      await w.sandbox.control.clearFaults()
    }
    const thread = w.dump().tickets.find((t) => t.id === open.id)!.replies
    expect(thread.filter((r) => r.message === 'Only once, please')).toHaveLength(1)
    const local = getTicket(w.store.db, open.id).replies.filter((r) => r.message === 'Only once, please')
    expect(local).toEqual([expect.objectContaining({ state: 'sent' })])
  })
})
