// Tags CRUD. The label field is `title`; GET /tags is not paginated (per the docs' example).
import { z } from 'zod'
import type { AccountStore } from '../data/account-store'
import type { TagRec } from '../data/model'
import { tagJson } from '../data/serialize'
import { created, noContent, ok, validationFailed } from '../http/respond'
import type { Router } from '../http/router'
import { requiredString, validate } from '../http/validate'
import { findTag, param } from './lookup'

const tagBody = z.object({ title: requiredString('title', 100) })

// Undocumented: duplicate titles are refused, as a unique rule in Laravel would.
function assertTitleFree(store: AccountStore, title: string, self?: number): void {
  for (const t of store.tags.values()) {
    if (t.id !== self && t.title.toLowerCase() === title.toLowerCase()) {
      throw validationFailed({ title: ['The title has already been taken.'] })
    }
  }
}

export function tagRoutes(router: Router): void {
  router.get('/tags', ({ store }) => ok([...store.tags.values()].sort((a, b) => a.id - b.id).map(tagJson)))

  router.post('/tags', ({ world, store, body, now }) => {
    const { title } = validate(tagBody, body)
    assertTitleFree(store, title)
    const tag: TagRec = { id: world.ids.next('tag'), title, contactIds: new Set(), createdAt: now, updatedAt: now }
    store.tags.set(tag.id, tag)
    return created(tagJson(tag), 'Tag created successfully.')
  })

  router.get('/tags/{id}', ({ store, params }) => ok(tagJson(findTag(store, param(params, 'id')))))

  router.put('/tags/{id}', ({ store, params, body, now }) => {
    const tag = findTag(store, param(params, 'id'))
    const { title } = validate(tagBody, body)
    assertTitleFree(store, title, tag.id)
    tag.title = title
    tag.updatedAt = now
    return ok(tagJson(tag), 'Tag updated successfully.')
  })

  router.delete('/tags/{id}', ({ store, params }) => {
    store.removeTag(findTag(store, param(params, 'id')))
    return noContent()
  })
}
