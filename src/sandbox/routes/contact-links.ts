// A contact's tags, lists and segments: POST /contacts/{id}/tags|lists|segments and
// DELETE /contacts/{id}/tags|lists|segments/{other_id}. Adding is idempotent; removing answers 204.
import { z } from 'zod'
import type { GroupKind } from '../data/account-store'
import { contactJson } from '../data/serialize'
import { noContent, ok, validationFailed } from '../http/respond'
import type { Router } from '../http/router'
import { integer, optionalString, validate } from '../http/validate'
import { tagsByTitle } from './contacts'
import { findContact, findGroup, findTag, param } from './lookup'

// The docs show `tag_id` for an existing tag and imply a title for a new one; `title` is that field.
const addTag = z.object({ tag_id: integer('tag_id').optional(), title: optionalString('title', 100) })

export function contactLinkRoutes(router: Router): void {
  router.post('/contacts/{id}/tags', ({ world, store, params, body, now }) => {
    const contact = findContact(store, param(params, 'id'))
    const input = validate(addTag, body)
    let tag
    if (input.tag_id !== undefined) {
      tag = store.tags.get(input.tag_id)
      if (!tag) throw validationFailed({ tag_id: ['The selected tag id is invalid.'] })
    } else if (input.title) {
      tag = tagsByTitle(world, store, [input.title], now)[0]
    }
    if (!tag) throw validationFailed({ tag_id: ['The tag id field is required when title is not present.'] })
    store.attachTag(contact, tag)
    contact.updatedAt = now
    return ok(contactJson(store, contact), 'Tag added to contact.')
  })

  router.delete('/contacts/{id}/tags/{tag_id}', ({ store, params, now }) => {
    const contact = findContact(store, param(params, 'id'))
    const tag = findTag(store, param(params, 'tag_id'))
    if (contact.tagIds.has(tag.id)) {
      store.detachTag(contact, tag)
      contact.updatedAt = now
    }
    return noContent()
  })

  for (const kind of ['list', 'segment'] as const satisfies readonly GroupKind[]) {
    const field = `${kind}_id`
    const schema = z.object({ [field]: integer(field) })
    const plural = `${kind}s`

    router.post(`/contacts/{id}/${plural}`, ({ store, params, body, now }) => {
      const contact = findContact(store, param(params, 'id'))
      const groupId = validate(schema, body)[field] as number
      const group = store.groups(kind).get(groupId)
      if (!group) throw validationFailed({ [field]: [`The selected ${kind} id is invalid.`] })
      store.addToGroup(kind, contact, group)
      contact.updatedAt = now
      return ok(contactJson(store, contact), `Contact added to ${kind}.`)
    })

    router.delete(`/contacts/{id}/${plural}/{group_id}`, ({ store, params, now }) => {
      const contact = findContact(store, param(params, 'id'))
      const group = findGroup(store, kind, param(params, 'group_id'))
      store.removeFromGroup(kind, contact, group)
      contact.updatedAt = now
      return noContent()
    })
  }
}
