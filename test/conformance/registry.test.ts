// The registry's own promises: every resource has what the conformance suite needs, names
// agree with the contract, and nothing is registered twice.
import { describe, expect, it } from 'vitest'
import { getTableColumns, getTableName, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { actionDefs, resources } from '../../src/main/core/resources/registry'
import { entityByRefKey, localEntities, type EntityName } from '../../src/main/core/store'
import * as schema from '../../src/main/core/store/schema'
import { resourceNames } from '../../src/shared/contract'
import { fixtures } from './fixtures'

describe('the resource registry', () => {
  it('registers each of the contract’s resource names once', () => {
    expect(resources.map((r) => r.name).sort()).toEqual([...resourceNames].sort())
  })

  it('has a conformance fixture for every resource, and one for every action it can queue', () => {
    expect(Object.keys(fixtures).sort()).toEqual([...resourceNames].sort())
    for (const r of resources) {
      const fixture = fixtures[r.name]
      // A delete made by deleteRowAction needs nothing more than the resource's rows.
      const needSample = r.actions.filter((def) => !def.deletes).map((def) => def.kind)
      expect(Object.keys(fixture.samples).sort(), `samples of ${r.name}`).toEqual(needSample.sort())
      const unsafe = r.actions.filter((def) => !def.repeatable).map((def) => def.kind)
      expect(Object.keys(fixture.lostAnswer).sort(), `lost answers of ${r.name}`).toEqual(unsafe.sort())
      if (r.actions.some((def) => def.deletes)) expect(fixture.rows, `rows of ${r.name}`).not.toBeNull()
    }
  })

  it('names each action kind and each endpoint once', () => {
    const kinds = resources.flatMap((r) => r.actions.map((def) => def.kind))
    expect(new Set(kinds).size).toBe(kinds.length)
    expect([...actionDefs.keys()].sort()).toEqual([...kinds].sort())
    const endpoints = resources.flatMap((r) => r.endpoints)
    expect(new Set(endpoints).size).toBe(endpoints.length)
    for (const endpoint of endpoints) expect(endpoint).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/[a-z0-9/{}_-]*$/)
  })

  it('gives every action that looks for a lost answer the server ids to judge it by, not the clock', () => {
    // reconcile without observe falls back to dates, which a computer clock minutes off defeats.
    const clockBound = resources.flatMap((r) => r.actions).filter((def) => def.reconcile && !def.observe && !def.settledByState).map((def) => def.kind)
    expect(clockBound).toEqual([])
  })

  it('knows every table the outbox changes, and which payload fields refer to each', () => {
    // A table with a local revision is one the outbox holds rows of: it must declare itself
    // (store/schema/entity.ts), or names, local ids and holds would not find it.
    const held = (Object.values(schema) as unknown[])
      .filter((t): t is SQLiteTable => is(t, SQLiteTable))
      .filter((t) => 'localRevision' in getTableColumns(t))
    // Web chat sessions are keyed by a text id; store/writes/web-chat.ts holds them itself.
    const ownHolds = ['web_chat_sessions']
    const undeclared = held.filter((t) => !localEntities.some((e) => e.table === t)).map((t) => getTableName(t))
    expect(undeclared.filter((name) => !ownHolds.includes(name))).toEqual([])
    for (const e of localEntities) expect(e.revision, `${e.name}'s revision column`).toBeDefined()
    // Every entity an action creates or deletes is declared, and the ids it creates are found in payloads.
    const named = new Set<string>(localEntities.map((e) => e.name))
    for (const def of actionDefs.values()) {
      if (def.deletes) expect(named.has(def.deletes.entity), `${def.kind} deletes a declared entity`).toBe(true)
      if (def.creates) expect([...entityByRefKey.values()], `${def.kind}'s created ids can be referred to`).toContain(def.creates.entity as EntityName)
    }
  })
})
