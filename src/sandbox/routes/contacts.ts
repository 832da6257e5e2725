// Contacts: list with filters, CRUD, blacklist toggle and notes.
import { z } from 'zod'
import type { AccountStore } from '../data/account-store'
import { CHANNEL_TYPES, type ContactRec, type TagRec } from '../data/model'
import { contactJson, noteJson } from '../data/serialize'
import type { World } from '../data/world'
import { pageRequest, paginateArray } from '../http/pagination'
import { created, noContent, ok, validationFailed } from '../http/respond'
import type { RouteContext, Router } from '../http/router'
import {
  boolean, nullableEmail, nullablePhone, oneOf, queryBoolean, queryEnum, queryInt, requiredString, validate,
} from '../http/validate'
import { findContact, param } from './lookup'

const tagTitles = z.array(z.string({ error: 'Each tag must be a string.' }).trim().min(1).max(100), { error: 'The tags field must be an array.' })

const contactFields = {
  name: requiredString('name'),
  email: nullableEmail('email'),
  phone: nullablePhone('phone'),
  // Not confirmed required by the docs; a missing type defaults to whatsapp.
  type: oneOf('type', CHANNEL_TYPES).optional(),
  status: oneOf('status', ['active', 'inactive']).optional(),
  blacklisted: boolean('blacklisted').optional(),
  tags: tagTitles.optional(),
}
const createContact = z.object(contactFields)
// PUT is treated as a partial update: absent fields keep their value.
const updateContact = z.object({ ...contactFields, name: contactFields.name.optional() })
// The docs do not name the note field; `note` is the natural Laravel name, `content`/`body` are accepted too.
const addNote = z.object({ note: requiredString('note', 5000) })

/** Tags by title, creating the missing ones (contact create/update carry titles, not ids). */
export function tagsByTitle(world: World, store: AccountStore, titles: readonly string[], now: number): TagRec[] {
  return titles.map((title) => {
    const existing = [...store.tags.values()].find((t) => t.title.toLowerCase() === title.toLowerCase())
    if (existing) return existing
    const tag: TagRec = { id: world.ids.next('tag'), title, contactIds: new Set(), createdAt: now, updatedAt: now }
    store.tags.set(tag.id, tag)
    return tag
  })
}

function assertPhoneFree(store: AccountStore, phone: string | null | undefined, self?: number): void {
  if (!phone) return
  for (const c of store.contacts.values()) {
    if (c.phone === phone && c.id !== self) throw validationFailed({ phone: ['The phone has already been taken.'] })
  }
}

function matchesTag(store: AccountStore, contact: ContactRec, tag: string): boolean {
  const wanted = tag.toLowerCase()
  for (const id of contact.tagIds) {
    const t = store.tags.get(id)
    if (t && (t.title.toLowerCase() === wanted || String(t.id) === tag)) return true
  }
  return false
}

export function contactRoutes(router: Router): void {
  router.get('/contacts', ({ store, query }) => {
    const search = query.get('search')?.trim().toLowerCase() ?? ''
    const type = queryEnum(query, 'type', CHANNEL_TYPES)
    const status = queryEnum(query, 'status', ['active', 'inactive'] as const)
    const blacklisted = queryBoolean(query, 'blacklisted')
    const tag = query.get('tag')?.trim() ?? ''
    const listId = queryInt(query, 'list_id')
    const segmentId = queryInt(query, 'segment_id')
    const rows: ContactRec[] = []
    // Newest first, like Laravel's latest(); ids grow with creation time.
    for (let i = store.contactIds.length - 1; i >= 0; i--) {
      const c = store.contacts.get(store.contactIds[i] as number)
      if (!c) continue
      if (type && c.type !== type) continue
      if (status && c.status !== status) continue
      if (blacklisted !== undefined && c.blacklisted !== blacklisted) continue
      if (listId !== undefined && !c.listIds.has(listId)) continue
      if (segmentId !== undefined && !c.segmentIds.has(segmentId)) continue
      if (tag && !matchesTag(store, c, tag)) continue
      if (search && !(c.name.toLowerCase().includes(search) || c.email?.toLowerCase().includes(search) || c.phone?.includes(search))) continue
      rows.push(c)
    }
    return paginateArray(rows, pageRequest(query, 15, 100), (c) => contactJson(store, c))
  })

  router.post('/contacts', ({ world, store, body, now }) => {
    const input = validate(createContact, body)
    assertPhoneFree(store, input.phone)
    const contact: ContactRec = {
      id: world.ids.next('contact'),
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      type: input.type ?? 'whatsapp',
      status: input.status ?? 'active',
      blacklisted: input.blacklisted ?? false,
      tagIds: new Set(),
      listIds: new Set(),
      segmentIds: new Set(),
      notes: [],
      lastMessageAt: null,
      createdAt: now,
      updatedAt: now,
    }
    store.addContact(contact)
    store.ai.assignDefault(contact.id)
    for (const tag of tagsByTitle(world, store, input.tags ?? [], now)) store.attachTag(contact, tag)
    return created(contactJson(store, contact), 'Contact created successfully.')
  })

  router.get('/contacts/{id}', ({ store, params }) => ok(contactJson(store, findContact(store, param(params, 'id')))))

  const update = ({ world, store, params, body, now }: RouteContext) => {
    const contact = findContact(store, param(params, 'id'))
    const input = validate(updateContact, body)
    assertPhoneFree(store, input.phone, contact.id)
    if (input.name !== undefined) contact.name = input.name
    if (input.email !== undefined) contact.email = input.email
    if (input.phone !== undefined) contact.phone = input.phone
    if (input.type !== undefined) contact.type = input.type
    if (input.status !== undefined) contact.status = input.status
    if (input.blacklisted !== undefined) contact.blacklisted = input.blacklisted
    if (input.tags !== undefined) {
      for (const id of [...contact.tagIds]) {
        const tag = store.tags.get(id)
        if (tag) store.detachTag(contact, tag)
      }
      for (const tag of tagsByTitle(world, store, input.tags, now)) store.attachTag(contact, tag)
    }
    contact.updatedAt = now
    return ok(contactJson(store, contact), 'Contact updated successfully.')
  }
  router.put('/contacts/{id}', update)
  router.patch('/contacts/{id}', update)

  router.delete('/contacts/{id}', ({ store, params }) => {
    store.removeContact(findContact(store, param(params, 'id')))
    return noContent()
  })

  // A toggle, per the changelog: each call flips `blacklisted`.
  router.post('/contacts/{id}/blacklist', ({ store, params, now }) => {
    const contact = findContact(store, param(params, 'id'))
    contact.blacklisted = !contact.blacklisted
    contact.updatedAt = now
    return ok(contactJson(store, contact), contact.blacklisted ? 'Contact added to blacklist.' : 'Contact removed from blacklist.')
  })

  // Not paginated (the docs say nothing); newest first.
  router.get('/contacts/{id}/notes', ({ store, params }) => {
    const contact = findContact(store, param(params, 'id'))
    return ok([...contact.notes].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id).map(noteJson))
  })

  router.post('/contacts/{id}/notes', ({ world, store, params, body, now }) => {
    const contact = findContact(store, param(params, 'id'))
    const raw = (body ?? {}) as Record<string, unknown>
    const input = validate(addNote, { note: raw.note ?? raw.content ?? raw.body })
    const note = { id: world.ids.next('note'), contactId: contact.id, note: input.note, createdAt: now }
    contact.notes.push(note)
    return created(noteJson(note), 'Note added successfully.')
  })
}
