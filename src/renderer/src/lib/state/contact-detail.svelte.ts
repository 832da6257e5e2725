// One contact in full, and what the user changes on it: notes, tags, lists, segments and
// the blacklist. Each change is queued in the outbox and shows at once.
import type { ContactDetail } from '../../../../shared/contract'
import { act, messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'
import { ActionRunner } from './desk-list.svelte'

export class ContactDetailState {
  #contact = $state.raw<ContactDetail | null>(null)
  /** One change at a time; its refusal, or why the contact could not be read, is the error. */
  readonly #actions = new ActionRunner()
  #note = $state('')
  #newTag = $state('')

  get contact(): ContactDetail | null {
    return this.#contact
  }
  get error(): string | null {
    return this.#actions.error
  }
  get busy(): boolean {
    return this.#actions.busy
  }
  get note(): string {
    return this.#note
  }
  set note(text: string) {
    this.#note = text
  }
  get newTag(): string {
    return this.#newTag
  }
  set newTag(text: string) {
    this.#newTag = text
  }

  async load(id: number | null): Promise<void> {
    if (id === null) {
      this.#contact = null
      return
    }
    try {
      this.#contact = await call('contact-get', { id })
      this.#actions.error = null
    } catch (error) {
      this.#contact = null
      this.#actions.error = messageOf(error, m.contact_read_failed())
    }
  }

  async reload(): Promise<void> {
    if (this.#contact) await this.load(this.#contact.id)
  }

  #confirming = $state<'blacklist' | 'delete' | null>(null)

  /** Blacklisting and deleting wait for the user's confirmation (what they mean is said first). */
  get confirming(): 'blacklist' | 'delete' | null {
    return this.#confirming
  }

  ask(what: 'blacklist' | 'delete' | null): void {
    this.#confirming = what
  }

  /** Taking a contact off the blacklist needs no confirmation; putting one on does. */
  async setBlacklisted(blacklisted: boolean): Promise<void> {
    if (blacklisted) {
      this.#confirming = 'blacklist'
      return
    }
    await this.#change((id) => act('contact-blacklist', { id, blacklisted: false }))
  }

  async confirm(): Promise<boolean> {
    const what = this.#confirming
    this.#confirming = null
    if (what === 'blacklist') return this.#change((id) => act('contact-blacklist', { id, blacklisted: true }))
    if (what === 'delete') {
      const contact = this.#contact
      if (!contact) return false
      return this.#actions.run(async () => {
        await act('contact-delete', { id: contact.id })
        this.#contact = null
      })
    }
    return false
  }

  async addNote(): Promise<void> {
    const text = this.#note.trim()
    if (text === '') return
    if (await this.#change((id) => act('contact-add-note', { id, text }))) this.#note = ''
  }

  async addTag(): Promise<void> {
    const title = this.#newTag.trim()
    if (title === '') return
    if (await this.#change((id) => act('contact-tag', { id, title, add: true }))) this.#newTag = ''
  }

  async removeTag(title: string): Promise<void> {
    await this.#change((id) => act('contact-tag', { id, title, add: false }))
  }

  async setList(listId: number, add: boolean): Promise<void> {
    await this.#change((id) => act('contact-list', { id, listId, add }))
  }

  async setSegment(segmentId: number, add: boolean): Promise<void> {
    await this.#change((id) => act('contact-segment', { id, segmentId, add }))
  }

  /** Queues a change, then reads the contact again to show it. */
  async #change(run: (id: number) => Promise<unknown>): Promise<boolean> {
    const contact = this.#contact
    if (!contact) return false
    const done = await this.#actions.run(() => run(contact.id))
    if (done) await this.load(contact.id)
    return done
  }
}
