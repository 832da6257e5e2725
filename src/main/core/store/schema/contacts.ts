// Contacts and what hangs off one contact: its tag titles and its notes.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision, unseen } from './columns'
import { localEntity } from './entity'

export const contacts = sqliteTable(
  'contacts',
  {
    // The server's id. A contact created offline gets a negative id until the server
    // answers; foreign keys cascade on update so re-keying it is a single UPDATE.
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    // The name folded (search/normalize foldForComparison) so "Émile" sorts beside "emile".
    sortName: text('sort_name').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    type: text('type'),
    status: text('status'),
    blacklisted: integer('blacklisted', { mode: 'boolean' }).notNull(),
    lastMessageAt: text('last_message_at'),
    createdAt: text('created_at'),
    updatedAt: text('updated_at'),
    localRevision: localRevision(),
    unseen: unseen(),
  },
  (t) => [
    index('contacts_sort_name_idx').on(t.sortName, t.id),
    index('contacts_type_idx').on(t.type),
    index('contacts_blacklisted_idx').on(t.blacklisted),
  ],
)

// The API names a contact's tags by title, so they are stored by title, not tag id.
export const contactTags = sqliteTable(
  'contact_tags',
  {
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.title] }), index('contact_tags_title_idx').on(t.title)],
)

export const contactNotes = sqliteTable(
  'contact_notes',
  {
    id: integer('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    content: text('content').notNull(),
    createdAt: text('created_at'),
    createdAtMs: integer('created_at_ms').notNull().default(0),
    localRevision: localRevision(),
  },
  (t) => [index('contact_notes_contact_idx').on(t.contactId, t.createdAtMs)],
)

export const contactEntity = localEntity({ name: 'contact', noun: 'contact', table: contacts, key: contacts.id, revision: contacts.localRevision, label: contacts.name, refKeys: ['contactId', 'contact_ids'] })

export const noteEntity = localEntity({ name: 'note', noun: 'note', table: contactNotes, key: contactNotes.id, revision: contactNotes.localRevision })
