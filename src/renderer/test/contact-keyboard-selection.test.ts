// @vitest-environment jsdom
// Choosing contacts from the keyboard: arrows move (and open, as before), Shift+arrows
// extend a range that also shrinks back, Space and Ctrl+Space toggle the row the keyboard is
// on, Ctrl/Cmd+A takes every contact the filter matches, Escape clears; the listbox says it
// is multi-selectable, each row whether it is chosen, and the count is read out from a live
// region. Rows are the contract's own contact items.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { methods } from '../../shared/contract'
import ContactList from '../src/components/contacts/ContactList.svelte'
import SelectionBar from '../src/components/contacts/SelectionBar.svelte'
import { chooseKey, type MultiSelect } from '../src/lib/list-nav'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { installFakeDesk, settle } from './fake-desk'

const TOTAL = 30
const contact = (i: number) =>
  methods['contacts-page'].output.parse({
    items: [{ id: 100 + i, name: `Contact ${String(i).padStart(2, '0')}`, email: null, phone: `+9665000000${i}`, type: 'whatsapp', status: null, blacklisted: false, lastMessageAt: null, pending: false }],
    total: TOTAL,
  }).items[0]!

// jsdom lays nothing out: every element reads as a 960 × 600 box, the observers as inert.
const box = { offsetWidth: 960, offsetHeight: 600, clientWidth: 960, clientHeight: 600 }
const own = new Map<string, PropertyDescriptor | undefined>()

let desk: DeskState
let disconnect: () => void
beforeEach(async () => {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} })
  for (const [name, value] of Object.entries(box)) {
    own.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name))
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value })
  }
  installFakeDesk({
    'accounts-list': () => ({ accounts: [{ id: 'acc', name: 'Shop', keyStorage: 'keychain', keyRejected: false, keyMissing: false, isDemo: false, serverId: 1, baseUrl: 'x' }], activeId: 'acc' }),
    'contacts-page': ({ offset = 0, limit = 100 }: { offset?: number; limit?: number }) => ({
      items: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => contact(offset + k)),
      total: TOTAL,
    }),
    'contact-agents': () => ({ items: [] }),
    'contact-get': ({ id }: { id: number }) => ({ ...contact(id - 100), createdAt: null, updatedAt: null, tags: [], lists: [], segments: [], notes: [] }),
  })
  desk = new DeskState()
  disconnect = desk.connect()
  await desk.session.load()
  await desk.loadViews()
  await desk.contacts.restart()
})
afterEach(() => {
  disconnect()
  cleanup()
  vi.unstubAllGlobals()
  for (const [name, descriptor] of own) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor)
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name]
  }
})

const context = () => new Map([[deskContextKey, desk]])
const chosenNames = () => screen.queryAllByRole('option', { selected: true }).map((o) => o.textContent?.match(/Contact \d+/)?.[0])
const key = (list: HTMLElement, k: string, modifiers: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(list, { key: k, ...modifiers })

async function show(): Promise<HTMLElement> {
  render(ContactList, { context: context() })
  render(SelectionBar, { context: context() })
  await settle()
  return screen.getByRole('listbox', { name: 'Contacts by name' })
}

describe('choosing contacts from the keyboard', () => {
  it('is a multi-selectable listbox; Shift+arrows extend and shrink a range without opening rows', async () => {
    const list = await show()
    expect(list.getAttribute('aria-multiselectable')).toBe('true')
    await key(list, 'ArrowDown')
    await settle()
    expect(desk.contacts.selectedId).toBe(100)
    expect(list.getAttribute('aria-activedescendant')).toBe('contact-0')
    await key(list, 'ArrowDown', { shiftKey: true })
    await key(list, 'ArrowDown', { shiftKey: true })
    await key(list, 'ArrowDown', { shiftKey: true })
    await settle()
    expect(chosenNames()).toEqual(['Contact 00', 'Contact 01', 'Contact 02', 'Contact 03'])
    expect(list.getAttribute('aria-activedescendant')).toBe('contact-3')
    // Moving the range's end back shrinks it; the open contact stays the first.
    await key(list, 'ArrowUp', { shiftKey: true })
    await settle()
    expect(chosenNames()).toEqual(['Contact 00', 'Contact 01', 'Contact 02'])
    expect(desk.contacts.selectedId).toBe(100)
    expect(document.querySelector('#contact-0')?.getAttribute('aria-current')).toBe('true')
    expect(document.querySelector('.chosen-count')?.getAttribute('aria-live')).toBe('polite')
    expect(document.querySelector('.chosen-count')?.textContent).toBe('3 contacts chosen')
  })

  it('Space and Ctrl+Space toggle the row the keyboard is on; Escape clears', async () => {
    const list = await show()
    await key(list, 'ArrowDown')
    await key(list, ' ')
    await key(list, 'ArrowDown')
    await key(list, 'ArrowDown')
    await key(list, ' ', { ctrlKey: true })
    await settle()
    expect(chosenNames()).toEqual(['Contact 00', 'Contact 02'])
    await key(list, ' ')
    await settle()
    expect(chosenNames()).toEqual(['Contact 00'])
    expect(document.querySelector('.chosen-count')?.textContent).toBe('1 contact chosen')
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    list.dispatchEvent(escape)
    await settle()
    expect(escape.defaultPrevented).toBe(true)
    expect(chosenNames()).toEqual([])
    expect(document.querySelector('.chosen-count')?.textContent).toBe('')
    // Nothing chosen: Escape is left for whatever else answers it.
    const again = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    list.dispatchEvent(again)
    expect(again.defaultPrevented).toBe(false)
  })

  it('Ctrl/Cmd+A chooses every contact the filter matches, counted by the total, not the rows read', async () => {
    const list = await show()
    await key(list, 'a', { metaKey: true })
    await settle()
    expect(desk.selection.allMatching).toBe(true)
    expect(document.querySelector('.chosen-count')?.textContent).toBe(`${TOTAL} contacts chosen`)
    expect(screen.getAllByRole('option').every((o) => o.getAttribute('aria-selected') === 'true')).toBe(true)
    expect(screen.getByRole('button', { name: 'Assign AI agent…' })).toBeTruthy()
    await key(list, 'Escape')
    await settle()
    expect(desk.selection.allMatching).toBe(false)
  })
})

describe('chooseKey', () => {
  const calls: string[] = []
  const multi: MultiSelect = {
    chosen: () => false,
    extend: (from, to) => void calls.push(`extend ${from}-${to}`),
    toggle: (i) => void calls.push(`toggle ${i}`),
    all: () => void calls.push('all'),
    clear: () => (calls.push('clear'), true),
  }
  const press = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}, focus = 2) =>
    chooseKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }, multi, focus, 10)

  it('answers only the choosing keys, and leaves movement and other chords alone', () => {
    expect(press(' ')).toBe(true)
    expect(press(' ', { ctrlKey: true })).toBe(true)
    expect(press('A', { ctrlKey: true })).toBe(true)
    expect(press('Escape')).toBe(true)
    expect(press(' ', {}, -1)).toBe(false)
    expect(press('a')).toBe(false)
    expect(press('a', { ctrlKey: true, altKey: true })).toBe(false)
    expect(press('ArrowDown', { shiftKey: true })).toBe(false)
    expect(calls).toEqual(['toggle 2', 'toggle 2', 'all', 'clear'])
  })
})
