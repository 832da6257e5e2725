// What the contacts view reads: a filtered page, one contact in full, and the groups
// (tags, lists, segments) the filters and the detail offer.
import { z } from 'zod'
import { groupKinds } from '../group-kinds'
import { entityId, method } from './define'

const id = entityId

export const contactFilter = z
  .object({
    search: z.string().max(200).optional(),
    tag: z.string().max(100).optional(),
    listId: id.optional(),
    segmentId: id.optional(),
    blacklisted: z.boolean().optional(),
    type: z.enum(['whatsapp', 'telegram', 'instagram']).optional(),
  })
  .strict()
export type ContactFilter = z.output<typeof contactFilter>

export const contactItem = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  type: z.string().nullable(),
  status: z.string().nullable(),
  blacklisted: z.boolean(),
  lastMessageAt: z.string().nullable(),
  pending: z.boolean(),
})
export type ContactItem = z.output<typeof contactItem>

const named = z.object({ id: z.number(), name: z.string() })
export const contactDetail = contactItem.extend({
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  tags: z.array(z.string()),
  lists: z.array(named),
  segments: z.array(named),
  notes: z.array(z.object({ id: z.number(), content: z.string(), createdAt: z.string().nullable(), pending: z.boolean() })),
})
export type ContactDetail = z.output<typeof contactDetail>

const group = z.object({ id: z.number(), name: z.string(), contactsCount: z.number().nullable() })
export type GroupItem = z.output<typeof group>
export const groups = z.object({ tags: z.array(group), lists: z.array(group), segments: z.array(group) })
export type Groups = z.output<typeof groups>

/** The three kinds of group a contact can be in; a tag's name is its title. */
export { groupKinds }
const groupKind = z.enum(groupKinds)
export type GroupKind = z.output<typeof groupKind>
const groupName = z.string().trim().min(1).max(255)

/** A CSV file the core made: UTF-8 with a byte-order mark, cells safe to open in a spreadsheet. */
export const csvFile = z.object({ fileName: z.string(), csv: z.string(), rows: z.number() })
export type CsvFile = z.output<typeof csvFile>

export const contactMethods = {
  /** Sorted by name; `total` counts every match, for the list's size. */
  'contacts-page': method(
    contactFilter.extend({ limit: z.number().int().min(1).max(500).optional(), offset: z.number().int().min(0).optional() }).strict(),
    z.object({ items: z.array(contactItem), total: z.number() }),
  ),
  'contact-get': method(z.object({ id }).strict(), contactDetail),
  /** Tags (name = title), lists and segments, by name. */
  'groups-list': method(z.object({}).strict(), groups),
  /** Queued: shown at once under a local (negative) id, created in SkyLight when online. */
  'group-create': method(z.object({ kind: groupKind, name: groupName }).strict(), z.object({ actionId: z.string(), localId: z.number() })),
  'group-rename': method(z.object({ kind: groupKind, id, name: groupName }).strict(), z.object({ actionId: z.string() })),
  /** Deleting a tag takes it off every contact; a list or segment ends its memberships. */
  'group-delete': method(z.object({ kind: groupKind, id }).strict(), z.object({ actionId: z.string() })),
  /** How many contacts in the local copy carry the tag or belong to the list or segment. */
  'group-usage': method(z.object({ kind: groupKind, id }).strict(), z.object({ name: z.string(), contacts: z.number() })),
  /** Every contact matching the filter (not one page), as CSV. */
  'contacts-csv': method(contactFilter, csvFile),
}
