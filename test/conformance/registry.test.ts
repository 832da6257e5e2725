// The registry's own promises: every resource has what the conformance suite needs, names
// agree with the contract, and nothing is registered twice.
import { describe, expect, it } from 'vitest'
import { actionDefs, resources } from '../../src/main/core/resources/registry'
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
})
