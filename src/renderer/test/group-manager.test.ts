// @vitest-environment jsdom
// The tags, lists and segments manager in the contacts view, on the core's recorded
// payloads: create by Enter, rename by keyboard (Escape leaves it), and a delete that asks
// first, saying how many contacts it applies to.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import GroupManager from '../src/components/contacts/GroupManager.svelte'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'
import payloads from './payloads/groups-delivery.json'

let fake: FakeDesk
let desk: DeskState
beforeEach(async () => {
  // jsdom has no modal dialogs; the confirmation only needs to open.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true
  }
  fake = installFakeDesk({
    'groups-list': () => payloads.groups,
    'contacts-page': () => ({ items: [], total: 0 }),
    'group-usage': () => payloads.tagUsage.output,
    'group-create': () => payloads.tagCreated,
    'group-rename': () => ({ actionId: '5' }),
    'group-delete': () => payloads.tagDeleted,
  })
  desk = new DeskState()
  await desk.loadViews()
  await desk.contacts.loadGroups()
})
afterEach(() => cleanup())

const context = () => new Map([[deskContextKey, desk]])
const tag = payloads.groups.tags.find((t) => t.id === payloads.tagUsage.input.id)!

describe('GroupManager', () => {
  it('lists every tag, list and segment with its count', () => {
    render(GroupManager, { context: context() })
    const tags = screen.getByRole('list', { name: 'Tags' })
    expect(tags.querySelectorAll('li')).toHaveLength(payloads.groups.tags.length)
    expect(screen.getByRole('list', { name: 'Lists' }).querySelectorAll('li')).toHaveLength(payloads.groups.lists.length)
    expect(screen.getByRole('list', { name: 'Segments' }).querySelectorAll('li')).toHaveLength(payloads.groups.segments.length)
    expect(screen.getByRole('button', { name: `Rename tag ${tag.name}` })).toBeTruthy()
  })

  it('creates a tag when its name is submitted, and empties the field', async () => {
    render(GroupManager, { context: context() })
    const input = screen.getByLabelText('New tag name') as HTMLInputElement
    await fireEvent.input(input, { target: { value: 'Wholesale' } })
    await fireEvent.submit(input.closest('form')!)
    await settle()
    expect(fake.calls.find((c) => c.method === 'group-create')?.input).toEqual({ kind: 'tag', name: 'Wholesale' })
    expect(input.value).toBe('')
  })

  it('renames in place: Escape leaves the editor, Enter saves the new name', async () => {
    render(GroupManager, { context: context() })
    await fireEvent.click(screen.getByRole('button', { name: `Rename tag ${tag.name}` }))
    let input = screen.getByLabelText(`New name for tag ${tag.name}`) as HTMLInputElement
    expect(document.activeElement).toBe(input)
    await fireEvent.keyDown(input, { key: 'Escape' })
    await settle()
    expect(screen.queryByLabelText(`New name for tag ${tag.name}`)).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Rename tag ${tag.name}` }))

    await fireEvent.click(screen.getByRole('button', { name: `Rename tag ${tag.name}` }))
    input = screen.getByLabelText(`New name for tag ${tag.name}`) as HTMLInputElement
    await fireEvent.input(input, { target: { value: 'Top customers' } })
    await fireEvent.submit(input.closest('form')!)
    await settle()
    expect(fake.calls.find((c) => c.method === 'group-rename')?.input).toEqual({ kind: 'tag', id: tag.id, name: 'Top customers' })
  })

  it('asks before deleting, saying how many contacts have the tag, and deletes only when confirmed', async () => {
    render(GroupManager, { context: context() })
    await fireEvent.click(screen.getByRole('button', { name: `Delete tag ${tag.name}` }))
    await settle()
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain(`Delete tag “${payloads.tagUsage.output.name}”?`)
    expect(dialog.textContent).toContain(`It is taken off ${payloads.tagUsage.output.contacts} contacts that have it.`)
    expect(fake.calls.some((c) => c.method === 'group-delete')).toBe(false)
    await fireEvent.click(screen.getByRole('button', { name: 'Delete tag' }))
    await settle()
    expect(fake.calls.find((c) => c.method === 'group-delete')?.input).toEqual({ kind: 'tag', id: tag.id })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('shows a refusal in the section it belongs to, until the next change there succeeds', async () => {
    render(GroupManager, { context: context() })
    const list = payloads.groups.lists[0]!
    fake.fail('group-create', { type: 'validation', message: 'The list name has already been taken.' })
    const input = screen.getByLabelText('New list name') as HTMLInputElement
    await fireEvent.input(input, { target: { value: list.name } })
    await fireEvent.submit(input.closest('form')!)
    await settle()
    const lists = screen.getByRole('list', { name: 'Lists' }).closest('section')!
    expect(lists.querySelector('[role="alert"]')?.textContent).toBe('The list name has already been taken.')
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    expect(input.value).toBe(list.name)
    // A tag's empty name is told in the tags' section, and takes the list's refusal away.
    await fireEvent.submit((screen.getByLabelText('New tag name') as HTMLInputElement).closest('form')!)
    await settle()
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Give the tag a name.'])
    fake.handle('group-create', () => payloads.tagCreated)
    const tagInput = screen.getByLabelText('New tag name') as HTMLInputElement
    await fireEvent.input(tagInput, { target: { value: 'Wholesale' } })
    await fireEvent.submit(tagInput.closest('form')!)
    await settle()
    expect(screen.queryAllByRole('alert').map((a) => a.textContent)).toEqual([])
  })
})
