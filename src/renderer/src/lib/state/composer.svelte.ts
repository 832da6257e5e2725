// The reply box: a draft per conversation, sent with Enter (Shift+Enter for a new line).
// A message is queued in the outbox and appears in the thread at once, pending.
import { act, messageOf } from '../actions'

export class ComposerState {
  #drafts = $state<Record<number, string>>({})
  #sending = $state(false)
  #error = $state<string | null>(null)
  #contactId: () => number | null

  constructor(contactId: () => number | null) {
    this.#contactId = contactId
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

  /** Enter sends; Shift+Enter (or Enter while an IME is composing) is left to the text box. */
  isSendKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'isComposing'>): boolean {
    return event.key === 'Enter' && !event.shiftKey && !event.isComposing
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
      this.#error = messageOf(error, 'The message could not be queued.')
      return false
    } finally {
      this.#sending = false
    }
  }
}
