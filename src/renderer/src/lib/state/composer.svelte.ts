// The reply box: a draft per conversation, sent with Enter or Ctrl+Enter as the user chose
// in Settings (the other starts a new line).
// A message is queued in the outbox and appears in the thread at once, pending.
import type { Settings } from '../../../../shared/contract'
import { act, messageOf } from '../actions'
import { m } from '../i18n.svelte'

type SendWith = Settings['sendWith']

export class ComposerState {
  #drafts = $state<Record<number, string>>({})
  #sending = $state(false)
  #error = $state<string | null>(null)
  #contactId: () => number | null
  #sendWith: () => SendWith

  constructor(contactId: () => number | null, sendWith: () => SendWith = () => 'enter') {
    this.#contactId = contactId
    this.#sendWith = sendWith
  }

  /** What the hint under the box says. */
  get hint(): string {
    return this.#sendWith() === 'enter' ? m.inbox_hint_enter() : m.inbox_hint_ctrl_enter()
  }

  get text(): string {
    const id = this.#contactId()
    return id === null ? '' : (this.#drafts[id] ?? '')
  }
  set text(value: string) {
    const id = this.#contactId()
    if (id !== null) this.#drafts[id] = value
  }
  get sending(): boolean {
    return this.#sending
  }
  get error(): string | null {
    return this.#error
  }
  get canSend(): boolean {
    return this.#contactId() !== null && this.text.trim() !== '' && !this.#sending
  }

  /** The chosen send key; anything else (and Enter while an IME is composing) is left to the text box. */
  isSendKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'isComposing'>): boolean {
    if (event.key !== 'Enter' || event.isComposing) return false
    // Cmd+Enter on macOS is the same as Ctrl+Enter.
    const withCtrl = event.ctrlKey || event.metaKey
    return this.#sendWith() === 'enter' ? !event.shiftKey && !withCtrl : withCtrl
  }

  async send(): Promise<boolean> {
    const contactId = this.#contactId()
    const text = this.text.trim()
    if (contactId === null || text === '' || this.#sending) return false
    this.#sending = true
    try {
      await act('message-send', { contactId, text })
      this.#drafts[contactId] = ''
      this.#error = null
      return true
    } catch (error) {
      this.#error = messageOf(error, m.inbox_queue_failed())
      return false
    } finally {
      this.#sending = false
    }
  }
}
