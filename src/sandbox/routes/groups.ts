// Contact lists and segments share one shape ({id, name, status, contacts_count, created_at})
// and one set of endpoints under /contacts/lists and /contacts/segments. The changelog
// lists no GET for a single segment, so that route does not exist.
import { z } from 'zod'
import type { GroupKind } from '../data/account-store'
import type { ContactRec, GroupRec } from '../data/model'
import { groupJson, memberJson } from '../data/serialize'
import { pageRequest, paginateArray } from '../http/pagination'
import { created, noContent, ok } from '../http/respond'
import type { Router } from '../http/router'
import { optionalString, requiredString, validate } from '../http/validate'
import { findGroup, param } from './lookup'

const status = z.preprocess(
  (v) => (v === '0' || v === '1' ? Number(v) : v === true ? 1 : v === false ? 0 : v),
  z.union([z.literal(0), z.literal(1)], { error: 'The selected status is invalid.' }),
)
const createGroup = z.object({ name: requiredString('name'), status: status.optional() })
const updateGroup = z.object({ name: optionalString('name').refine((v) => v !== '', { error: 'The name field is required.' }), status: status.optional() })

export function groupRoutes(router: Router, kind: GroupKind): void {
  const base = kind === 'list' ? '/contacts/lists' : '/contacts/segments'
  const label = kind === 'list' ? 'List' : 'Segment'

  router.get(base, ({ store }) => ok([...store.groups(kind).values()].sort((a, b) => a.id - b.id).map(groupJson)))

  router.post(base, ({ world, store, body, now }) => {
    const input = validate(createGroup, body)
    const group: GroupRec = { id: world.ids.next(kind), name: input.name, status: input.status ?? 1, memberIds: new Set(), createdAt: now, updatedAt: now }
    store.groups(kind).set(group.id, group)
    return created(groupJson(group), `${label} created successfully.`)
  })

  if (kind === 'list') {
    router.get(`${base}/{id}`, ({ store, params }) => ok(groupJson(findGroup(store, kind, param(params, 'id')))))
  }

  router.put(`${base}/{id}`, ({ store, params, body, now }) => {
    const group = findGroup(store, kind, param(params, 'id'))
    const input = validate(updateGroup, body)
    if (input.name !== undefined) group.name = input.name
    if (input.status !== undefined) group.status = input.status
    group.updatedAt = now
    return ok(groupJson(group), `${label} updated successfully.`)
  })

  router.delete(`${base}/{id}`, ({ store, params }) => {
    store.removeGroup(kind, findGroup(store, kind, param(params, 'id')))
    return noContent()
  })

  // Members in contact id order; the docs' example shows per_page 25.
  router.get(`${base}/{id}/members`, ({ store, params, query }) => {
    const group = findGroup(store, kind, param(params, 'id'))
    const members = [...group.memberIds]
      .sort((a, b) => a - b)
      .map((id) => store.contacts.get(id))
      .filter((c): c is ContactRec => c !== undefined)
    return paginateArray(members, pageRequest(query, 25, 100), memberJson)
  })
}
