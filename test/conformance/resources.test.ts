// The conformance suite: the same checks over every resource in the registry, so a resource
// is tested the moment it is registered (RESOURCES.md, "The conformance suite"). Each
// resource gets its own sandbox and a store after a real first sync over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnyActionDef } from '../../src/main/core/outbox/actions/define'
import { resources } from '../../src/main/core/resources/registry'
import { inTransaction, nextLocalId } from '../../src/main/core/store'
import { localSnapshot, serverSnapshot } from '../core/sync/snapshot'
import { fixtures } from './fixtures'
import { localRows, syncedWorld, type World } from './world'

describe.each(resources.map((r, i) => [r.name, r, i] as const))('%s', (name, descriptor, index) => {
  const fixture = fixtures[name]
  let w: World
  beforeAll(async () => {
    w = await syncedWorld(100 + index)
    if (fixture.prepare) {
      await fixture.prepare(w)
      await w.sync.syncNow('full')
    }
  })
  afterAll(async () => w?.close())

  const deletes = descriptor.actions.filter((def) => def.deletes)
  const unsafe = descriptor.actions.filter((def) => !def.repeatable)

  it('after a first sync, the local copy equals the server', () => {
    const local = localSnapshot(w.store.sqlite)
    const server = serverSnapshot(w.dump())
    for (const key of fixture.snapshot) expect(local[key], key).toEqual(server[key])
  })

  it.runIf(fixture.rows)('a row deleted on the server is removed by the deletion pass', async () => {
    const rows = fixture.rows!
    const id = rows.candidates(w)[0]!
    expect(rows.present(w, id)).toBe(true)
    await rows.removeOnServer(w, id)
    await w.sync.syncNow('full')
    expect(w.sync.status).toMatchObject({ state: 'idle' })
    expect(rows.present(w, id)).toBe(false)
  })

  /** The rows a delete kind removes: the resource's own, or those its fixture names for it. */
  const rowsFor = (def: AnyActionDef) => fixture.rowsOf?.[def.kind] ?? fixture.rows!

  it.each(deletes.map((def) => [def.kind, def] as const))('a queued %s is not brought back by a poll, a refresh or a full pass', async (_kind, def) => {
    const rows = rowsFor(def)
    const id = rows.candidates(w).find((c) => rows.present(w, c))!
    const outbox = w.outbox() // not started: the delete waits, as it would offline
    outbox.queue(def.kind, def.deletes!.payload(id) as Record<string, unknown>)
    expect(rows.present(w, id)).toBe(false)
    for (const kind of ['poll', 'refresh', 'full'] as const) {
      await w.sync.syncNow(kind)
      expect(w.sync.status).toMatchObject({ state: 'idle', message: null })
      expect(rows.present(w, id), `after a ${kind}`).toBe(false)
    }
    expect(rows.candidates(w)).toContain(id) // still on the server: only the queue hides it
    // Discarded, the delete gives the row back (and leaves the outbox to the next test).
    outbox.discard(outbox.list({ states: ['queued'] }).find((a) => a.kind === def.kind)!.id)
    expect(rows.present(w, id)).toBe(true)
  })

  it.each(descriptor.actions.map((def) => [def.kind, def] as const))('%s: apply then rollback restores the local copy exactly', (_kind, def) => {
    const payload = samplePayload(w, def)
    const before = localRows(w.store)
    const applied = inTransaction(w.store.db, (tx) => def.apply(tx, payload, { hold: true }))
    expect(localRows(w.store), 'apply changed nothing, so the check would prove nothing').not.toEqual(before)
    inTransaction(w.store.db, (tx) => def.rollback(tx, applied))
    expect(localRows(w.store)).toEqual(before)
  })

  it.each(unsafe.map((def) => [def.kind, def] as const))('%s: an answer lost after the server acted leaves exactly one effect', async (kind) => {
    const lost = fixture.lostAnswer[kind]!
    await w.sandbox.control.setFaults({ rules: [{ method: lost.method, path: lost.path, kind: 'drop-after' }] })
    try {
      const outbox = w.outbox()
      await lost.queue(w, outbox)
      outbox.start()
      await w.drained(outbox)
      expect(outbox.list().filter((a) => a.kind === kind).map((a) => [a.state, a.lastError?.message ?? null])).toEqual([['done', null]])
      expect(await lost.effects(w)).toBe(1)
      await outbox.stop()
    } finally {
      await w.sandbox.control.clearFaults()
    }
  })

  function samplePayload(world: World, def: AnyActionDef): unknown {
    const input = def.deletes
      ? (def.deletes.payload(rowsFor(def).candidates(world).find((c) => rowsFor(def).present(world, c))!) as Record<string, unknown>)
      : fixture.samples[def.kind]!(world)
    const localId = def.creates ? { localId: nextLocalId(world.store.db, def.creates.entity) } : {}
    return def.payload.schema.parse({ ...input, ...localId })
  }
})
