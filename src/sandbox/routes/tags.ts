// Tags CRUD. The label field is `title`; GET /tags is not paginated (per the docs' example).
import { z } from 'zod'
import type { AccountStore } from '../data/account-store'
import { tagJson } from '../data/serialize'
import { validationFailed } from '../http/respond'
import type { Router } from '../http/router'
import { requiredString } from '../http/validate'
import { crudRoutes } from './crud'

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
  crudRoutes(router, {
    path: '/tags',
    label: 'Tag',
    idKind: 'tag',
    records: (store) => store.tags,
    json: tagJson,
    list: { pages: 'whole' },
    create: {
      schema: tagBody,
      check: ({ title }, { store }) => assertTitleFree(store, title),
      build: ({ title }, base) => ({ ...base, title, contactIds: new Set<number>() }),
    },
    update: {
      schema: tagBody,
      check: ({ title }, tag, { store }) => assertTitleFree(store, title, tag.id),
      apply: (tag, { title }) => void (tag.title = title),
    },
    // Deleting a tag takes it off every contact.
    remove: (tag, store) => store.removeTag(tag),
  })
}
