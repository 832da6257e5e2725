// Bookings, and the booking types and resources they are made of.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { localRevision } from './columns'
import { localEntity } from './entity'

// No foreign key to contacts: a booking is shown (by the contact's id) even when the
// contact is not in the local copy yet.
export const bookings = sqliteTable(
  'bookings',
  {
    /** The server's id; negative for a booking made offline and not yet sent. */
    id: integer('id').primaryKey(),
    contactId: integer('contact_id').notNull(),
    typeId: integer('type_id'),
    resourceId: integer('resource_id'),
    title: text('title').notNull(),
    startsAt: text('starts_at').notNull(),
    startsAtMs: integer('starts_at_ms').notNull(),
    endsAt: text('ends_at'),
    status: text('status').notNull(),
    notes: text('notes'),
    createdAt: text('created_at'),
    updatedAt: text('updated_at'),
    localRevision: localRevision(),
  },
  (t) => [index('bookings_time_idx').on(t.startsAtMs, t.id), index('bookings_contact_idx').on(t.contactId)],
)

export const bookingTypes = sqliteTable('booking_types', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  durationMinutes: integer('duration_minutes'),
  localRevision: localRevision(),
})

export const bookingResources = sqliteTable('booking_resources', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type'),
  localRevision: localRevision(),
})

export const bookingEntity = localEntity({ name: 'booking', noun: 'booking', table: bookings, key: bookings.id, revision: bookings.localRevision, label: bookings.title, refKeys: ['bookingId'] })

export const bookingTypeEntity = localEntity({ name: 'bookingType', noun: 'booking type', table: bookingTypes, key: bookingTypes.id, revision: bookingTypes.localRevision, label: bookingTypes.name })

export const bookingResourceEntity = localEntity({ name: 'bookingResource', noun: 'booking resource', table: bookingResources, key: bookingResources.id, revision: bookingResources.localRevision, label: bookingResources.name })
