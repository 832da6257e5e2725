// Tags, lists and segments, and which contacts belong to each list and segment.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision, unseen } from './columns'
import { contacts } from './contacts'
import { localEntity } from './entity'

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey(),
  title: text('title').notNull(),
  contactsCount: integer('contacts_count'),
  createdAt: text('created_at'),
  localRevision: localRevision(),
})

// Lists and segments have the same shape in the API but are separate things to the user.
export const lists = sqliteTable('lists', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  status: integer('status'),
  contactsCount: integer('contacts_count'),
  createdAt: text('created_at'),
  localRevision: localRevision(),
})

export const segments = sqliteTable('segments', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  status: integer('status'),
  contactsCount: integer('contacts_count'),
  createdAt: text('created_at'),
  localRevision: localRevision(),
})

export const listMembers = sqliteTable(
  'list_members',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => lists.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    unseen: unseen(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.contactId] }), index('list_members_contact_idx').on(t.contactId)],
)

export const segmentMembers = sqliteTable(
  'segment_members',
  {
    segmentId: integer('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    unseen: unseen(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.contactId] }), index('segment_members_contact_idx').on(t.contactId)],
)

export const tagEntity = localEntity({ name: 'tag', noun: 'tag', table: tags, key: tags.id, revision: tags.localRevision, label: tags.title })

export const listEntity = localEntity({ name: 'list', noun: 'list', table: lists, key: lists.id, revision: lists.localRevision, label: lists.name })

export const segmentEntity = localEntity({ name: 'segment', noun: 'segment', table: segments, key: segments.id, revision: segments.localRevision, label: segments.name })
