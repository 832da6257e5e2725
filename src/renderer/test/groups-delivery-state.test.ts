// The group editor and the delivery table's paging, filter, search and export, answered
// with the core's own payloads (recorded and kept true by test/core/renderer-payloads.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CampaignDetailState } from '../src/lib/state/campaign-detail.svelte'
import { GroupEditorState } from '../src/lib/state/group-editor.svelte'
import { installFakeDesk, type FakeDesk } from './fake-desk'
import payloads from './payloads/groups-delivery.json'

let desk: FakeDesk
beforeEach(() => {
  desk = installFakeDesk()
})
afterEach(() => vi.restoreAllMocks())

describe('GroupEditorState', () => {
  it('creates with the name trimmed, and says so when there is none', async () => {
    desk.handle('group-create', () => payloads.tagCreated)
    const editor = new GroupEditorState()
    expect(await editor.create('tag', '   ')).toBe(false)
    expect(editor.errorFor('tag')).toBe('Give the tag a name.')
    expect(editor.errorFor('list')).toBeNull()
    expect(await editor.create('tag', '  Wholesale ')).toBe(true)
    expect(desk.calls.at(-1)).toEqual({ method: 'group-create', input: { kind: 'tag', name: 'Wholesale' } })
    expect(editor.errorFor('tag')).toBeNull()
  })

  it('renames the row being edited; an unchanged name only closes the editor; a refusal stays on screen', async () => {
    const tag = payloads.groups.tags[0]!
    desk.handle('group-rename', () => ({ actionId: '3' }))
    const editor = new GroupEditorState()
    editor.startRename('tag', tag.id)
    expect(await editor.rename(tag, ` ${tag.name} `)).toBe(true)
    expect(editor.renaming).toBeNull()
    expect(desk.calls).toEqual([])

    editor.startRename('tag', tag.id)
    desk.fail('group-rename', { type: 'validation', message: 'The title has already been taken.', fields: { title: ['The title has already been taken.'] } })
    expect(await editor.rename(tag, `${tag.name} 2026`)).toBe(false)
    expect(editor.renaming).toEqual({ kind: 'tag', id: tag.id })
    expect(editor.errorFor('tag')).toBe('The title has already been taken.')
  })

  it('asks before a delete with the core’s count of contacts, and deletes only once confirmed', async () => {
    const { input, output } = payloads.tagUsage
    desk.handle('group-usage', () => output)
    desk.handle('group-delete', () => payloads.tagDeleted)
    const editor = new GroupEditorState()
    await editor.requestDelete('tag', input.id)
    expect(editor.deleting).toEqual({ kind: 'tag', id: input.id, name: output.name, contacts: output.contacts })
    expect(desk.calls.map((c) => c.method)).toEqual(['group-usage'])
    editor.cancelDelete()
    expect(editor.deleting).toBeNull()

    await editor.requestDelete('tag', input.id)
    expect(await editor.confirmDelete()).toEqual({ kind: 'tag', id: input.id, name: output.name, contacts: output.contacts })
    expect(desk.calls.at(-1)).toEqual({ method: 'group-delete', input: { kind: 'tag', id: input.id } })
  })

  it('says why when the group is gone already', async () => {
    desk.fail('group-usage', { type: 'not-found', message: 'Tag 999 is not in the local copy of this account.' })
    const editor = new GroupEditorState()
    await editor.requestDelete('tag', 999)
    expect(editor.deleting).toBeNull()
    expect(editor.errorFor('tag')).toMatch(/Tag 999/)
  })
})

describe('CampaignDetailState: the delivery table', () => {
  const { campaign, deliveries } = payloads
  function answerDeliveries(): void {
    desk.handle('campaign-get', () => campaign)
    desk.handle('campaign-deliveries', (input: { status?: string; search?: string; offset: number }) => {
      if (input.search) return deliveries.search.page
      if (input.status === 'sent') return deliveries.sent
      return input.offset >= 100 ? deliveries.second : deliveries.first
    })
  }

  it('pages through every recipient, a hundred at a time, with the core’s total', async () => {
    answerDeliveries()
    const detail = new CampaignDetailState()
    await detail.load(campaign.id)
    expect(detail.deliveryTotal).toBe(deliveries.first.total)
    expect(detail.deliveries).toHaveLength(100)
    expect(desk.calls.at(-1)?.input).toEqual({ id: campaign.id, limit: 100, offset: 0 })
    await detail.showPage(100)
    expect(detail.offset).toBe(100)
    expect(detail.deliveries.map((d) => d.contactId)).toEqual(deliveries.second.items.map((d) => d.contactId))
    // Past the end: the last page, not an empty one.
    await detail.showPage(5000)
    expect(detail.offset).toBe(100)
    await detail.showPage(-100)
    expect(detail.offset).toBe(0)
  })

  it('filters by status and searches from the first page, and keeps both for the export', async () => {
    answerDeliveries()
    const detail = new CampaignDetailState()
    await detail.load(campaign.id)
    await detail.showPage(100)
    await detail.setStatusFilter('sent')
    expect(detail.offset).toBe(0)
    expect(detail.deliveryTotal).toBe(campaign.deliveryByStatus.sent)
    expect(detail.deliveries.every((d) => d.status === 'sent' && d.sentAt !== null)).toBe(true)
    await detail.setStatusFilter(undefined)
    await detail.setSearch(` ${deliveries.search.text} `)
    expect(desk.calls.at(-1)?.input).toEqual({ id: campaign.id, search: deliveries.search.text, limit: 100, offset: 0 })
    expect(detail.deliveryTotal).toBe(deliveries.search.page.total)
  })

  it('exports what matches: saved through the shell where it can, downloaded in a browser page', async () => {
    answerDeliveries()
    desk.handle('campaign-deliveries-csv', () => payloads.sentCsv)
    const detail = new CampaignDetailState()
    await detail.load(campaign.id)
    await detail.setStatusFilter('sent')

    // A plain browser page: the core's CSV becomes a download under its file name.
    const clicked: { download: string; href: string }[] = []
    const blobs: Blob[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href })
    })
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:csv')) as typeof URL.createObjectURL
    URL.revokeObjectURL = vi.fn()
    await detail.exportDeliveries()
    expect(desk.calls.at(-1)).toEqual({ method: 'campaign-deliveries-csv', input: { id: campaign.id, status: 'sent' } })
    expect(clicked).toEqual([{ download: payloads.sentCsv.fileName, href: 'blob:csv' }])
    // Byte for byte, the byte-order mark included (Blob.text() would decode it away).
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(payloads.sentCsv.csv)
    expect(detail.exportNote).toBe(`Downloaded ${payloads.sentCsv.fileName} (${payloads.sentCsv.rows} rows).`)

    // The app: the shell asks where and writes it; a cancelled dialog says nothing.
    const saved: { method: string; input: unknown }[] = []
    let answer: { saved: string | null; rows: number } = { saved: '/home/me/sent.csv', rows: payloads.sentCsv.rows }
    ;(window.desk as { saveCsv?: unknown }).saveCsv = async (method: string, input: unknown) => (saved.push({ method, input }), { ok: true, value: answer })
    await detail.exportDeliveries()
    expect(saved).toEqual([{ method: 'campaign-deliveries-csv', input: { id: campaign.id, status: 'sent' } }])
    expect(detail.exportNote).toBe(`Saved ${payloads.sentCsv.rows} rows to /home/me/sent.csv.`)
    answer = { saved: null, rows: payloads.sentCsv.rows }
    await detail.exportDeliveries()
    expect(detail.exportNote).toBeNull()
    expect(detail.error).toBeNull()
  })
})
