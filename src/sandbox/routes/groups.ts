// Contact lists and segments share one shape ({id, name, status, contacts_count, created_at})
// and one set of endpoints under /contacts/lists and /contacts/segments. The changelog
// lists no GET for a single segment, so that route does not exist.
import { z } from 'zod'
import type { GroupKind } from '../data/account-store'
import type { ContactRec } from '../data/model'
import { groupJson, memberJson } from '../data/serialize'
import { pageRequest, paginateArray } from '../http/pagination'
import type { Router } from '../http/router'
import { optionalString, requiredString, validate } from '../http/validate'
import { crudRoutes } from './crud'
import { findGroup, param } from './lookup'

const status = z.preprocess(
  (v) => (v === '0' || v === '1' ? Number(v) : v === true ? 1 : v === false ? 0 : v),
  z.union([z.literal(0), z.literal(1)], { error: 'The selected status is invalid.' }),
)
const createGroup = z.object({ name: requiredString('name'), status: status.optional() })
const updateGroup = z.object({ name: optionalString('name').refine((v) => v !== '', { error: 'The name field is required.' }), status: status.optional() })

export function groupRoutes(router: Router, kind: GroupKind): void {
  const base = kind === 'list' ? '/contacts/lists' : '/contacts/segments'

  crudRoutes(router, {
    path: base,
    label: kind === 'list' ? 'List' : 'Segment',
    idKind: kind,
    records: (store) => store.groups(kind),
    json: groupJson,
    list: { pages: 'whole' },
    get: kind === 'list',
    create: {
      schema: createGroup,
      build: (input, ids) => ({ ...ids, name: input.name, status: input.status ?? 1, memberIds: new Set<number>() }),
    },
    update: {
      schema: updateGroup,
      apply: (group, input) => {
        if (input.name !== undefined) group.name = input.name
        if (input.status !== undefined) group.status = input.status
      },
    },
    // Deleting a list or segment ends its memberships.
    remove: (group, store) => store.removeGroup(kind, group),
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
