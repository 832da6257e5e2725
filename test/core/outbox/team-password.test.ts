// A new team member's password through the real outbox and sandbox: the queued payload on
// disk holds only a random reference; the password reaches SkyLight once and is forgotten;
// after a restart (the memory gone) the action fails with a message that says what to do,
// and the member shown offline goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { heldSecret, holdSecret, dropSecret } from '../../../src/main/core/outbox/held-secrets'
import { syncedWorld, type World } from '../../conformance/world'

let w: World
beforeAll(async () => {
  w = await syncedWorld(77)
})
afterAll(async () => w?.close())

const payloads = () => w.store.db.all<{ kind: string; payload: string }>(sql`SELECT kind, payload FROM outbox_actions`)

describe('a new team member’s password', () => {
  it('is never in the queued payload, reaches SkyLight once, then is forgotten', async () => {
    const outbox = w.outbox()
    const ref = holdSecret('Initial-Pass-913')
    outbox.queue('create-team-member', { name: 'Sara Nasser', email: 'sara.n@example.com', role: 'agent', passwordRef: ref })
    expect(JSON.stringify(payloads())).not.toContain('Initial-Pass-913')
    expect(JSON.stringify(payloads())).toContain(ref)
    outbox.start()
    await w.drained(outbox)
    expect(w.dump().team.some((m) => m.email === 'sara.n@example.com')).toBe(true)
    expect(heldSecret(ref)).toBeUndefined()
  })

  it('when the app restarted before sending, fails with what to do and takes the pending member away', async () => {
    const outbox = w.outbox()
    const ref = holdSecret('Lost-Pass-5521')
    outbox.queue('create-team-member', { name: 'Yusuf Amin', email: 'yusuf@example.com', role: 'agent', passwordRef: ref })
    dropSecret(ref) // what a restart does to memory
    outbox.start()
    await w.drained(outbox)
    const failed = outbox.list({ states: ['failed'] }).find((a) => a.kind === 'create-team-member')!
    expect(failed.lastError?.message).toMatch(/not kept once SkyLight Desk closes\. Discard this and add Yusuf Amin again\./)
    outbox.discard(failed.id)
    expect(w.store.db.all(sql`SELECT id FROM team_members WHERE email = 'yusuf@example.com'`)).toEqual([])
    expect(w.dump().team.some((m) => m.email === 'yusuf@example.com')).toBe(false)
  })
})
