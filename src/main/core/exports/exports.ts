// The two CSV exports: a campaign's delivery rows and the contacts list, each every row
// matching the view's filter (not the page on screen), with times as ISO 8601 (UTC).
import type { ContactFilter, StoreDb } from '../store'
import { campaignContactsAll, campaignName, contactsForExport, type DeliveryFilter } from '../store'
import { csvFileName, toCsv } from './csv'

export interface CsvExport {
  fileName: string
  csv: string
  rows: number
}

export function deliveriesCsv(db: StoreDb, campaignId: number, filter: DeliveryFilter): CsvExport {
  const name = campaignName(db, campaignId)
  const rows = campaignContactsAll(db, campaignId, filter)
  const csv = toCsv(
    ['Contact', 'Phone', 'Status', 'Sent at', 'Error', 'Contact ID'],
    rows.map((r) => [r.contactName ?? '', r.phone, r.status, r.sentAt, r.error, r.contactId]),
  )
  const suffix = filter.status ? ` ${filter.status}` : ''
  return { fileName: csvFileName(`${name} delivery${suffix}`, 'campaign delivery'), csv, rows: rows.length }
}

export function contactsCsv(db: StoreDb, filter: ContactFilter): CsvExport {
  const rows = contactsForExport(db, filter)
  const csv = toCsv(
    ['Name', 'Phone', 'Email', 'Channel', 'Status', 'Blacklisted', 'Tags', 'Lists', 'Segments', 'Last message at', 'Created at', 'Contact ID'],
    rows.map((r) => [r.name, r.phone, r.email, r.type, r.status, r.blacklisted, r.tags, r.lists, r.segments, r.lastMessageAt, r.createdAt, r.id]),
  )
  return { fileName: 'contacts.csv', csv, rows: rows.length }
}
