// @vitest-environment jsdom
// "Mark as done" in the outbox panel: offered only for a failed action the core says may be
// marked, asked first (the app will not send it), and only then sent to the core. Payloads
// are checked against the contract's schema, shaped as the core makes them (the browser
// journey checks the real ones).
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { outboxAction } from '../../shared/contract/outbox'
import OutboxPanel from '../src/components/frame/OutboxPanel.svelte'
import { DeskState, deskContextKey } from '../src/lib/state/desk.svelte'
import { installFakeDesk, settle, type FakeDesk } from './fake-desk'

// jsdom has no modal dialogs; the attribute is what the tests read.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '')
}

const action = (id: string, fields: Partial<Record<string, unknown>>) =>
  outboxAction.parse({
    id,
    kind: 'send-message',
    resources: ['messages', 'conversations'],
    summary: 'Send “See you at 5” to “Noura”',
    editable: { text: 'See you at 5' },
    markable: false,
    state: 'queued',
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    progress: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  })

const asking = action('7', {
  state: 'failed',
  markable: true,
  lastError: { type: 'needs-decision', message: 'SkyLight now has a matching record, but SkyLight Desk cannot tell whether it is this one (its answer was lost) or an identical one made by someone else. Mark it as done if it is; retry to send it anyway.' },
})
const creating = action('8', { kind: 'create-contact', summary: 'Create contact “Lina”', editable: null, state: 'failed', markable: false, lastError: { type: 'network', message: 'SkyLight could not be reached.' } })
const waiting = action('9', { summary: 'Send “Later” to “Noura”', editable: { text: 'Later' } })

let fake: FakeDesk
let desk: DeskState
let disconnect: () => void
let actions = [asking, creating, waiting]
beforeEach(async () => {
  actions = [asking, creating, waiting]
  fake = installFakeDesk({
    'accounts-list': () => ({ accounts: [{ id: 'acc', name: 'Shop', keyStorage: 'keychain', keyRejected: false, keyMissing: false, isDemo: false, serverId: 1, baseUrl: 'https://dashboard.skylightchat.com/', localData: 'ok', localDataMessage: null }], activeId: 'acc' }),
    'outbox-list': () => ({ actions, counts: { queued: 1, inFlight: 0, failed: actions.filter((a) => a.state === 'failed').length } }),
    'outbox-mark-done': (input: { actionId: string }) => {
      actions = actions.filter((a) => a.id !== input.actionId)
      return {}
    },
  })
  desk = new DeskState()
  disconnect = desk.connect()
  await desk.session.load()
  desk.outbox.toggle(true)
  await settle()
})
afterEach(() => {
  disconnect()
  cleanup()
})

describe('the outbox panel’s “mark as done”', () => {
  it('is offered for a failed action the core allows, not for one it does not, nor for one still waiting', async () => {
    render(OutboxPanel, { context: new Map([[deskContextKey, desk]]) })
    await settle()
    expect(screen.getAllByRole('button', { name: 'Mark as done…' })).toHaveLength(1)
    const item = screen.getByText('Send “See you at 5” to “Noura”', { selector: '.summary' }).closest('li')!
    expect(item.textContent).toMatch(/Mark as done…/)
  })

  it('asks first, saying the app will not send it; cancel changes nothing', async () => {
    render(OutboxPanel, { context: new Map([[deskContextKey, desk]]) })
    await settle()
    await fireEvent.click(screen.getByRole('button', { name: 'Mark as done…' }))
    await settle()
    const dialog = screen.getByRole('dialog', { name: 'Mark this action as done?' })
    expect(dialog.textContent).toMatch(/already went through on SkyLight/)
    expect(dialog.textContent).toMatch(/will not send/)
    expect(dialog.textContent).toMatch(/See you at 5/)
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await settle()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(fake.calls.some((c) => c.method === 'outbox-mark-done')).toBe(false)
  })

  it('marks it done on confirmation, and the action leaves the list', async () => {
    render(OutboxPanel, { context: new Map([[deskContextKey, desk]]) })
    await settle()
    await fireEvent.click(screen.getByRole('button', { name: 'Mark as done…' }))
    await settle()
    await fireEvent.click(screen.getByRole('button', { name: 'Mark as done' }))
    await settle()
    expect(fake.calls.filter((c) => c.method === 'outbox-mark-done').map((c) => c.input)).toEqual([{ actionId: '7' }])
    expect(screen.queryByText('Send “See you at 5” to “Noura”', { selector: '.summary' })).toBeNull()
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
