// Creating or editing a contact: the fields, what is wrong with them, and saving (queued
// in the outbox, so it works offline; the contact shows at once with a local id).
import type { ContactDetail } from '../../../../shared/contract'
import { act, messageOf } from '../actions'
import { DeskError } from '../desk'
import { m } from '../i18n.svelte'

export const contactTypes = ['whatsapp', 'telegram', 'instagram'] as const
export type ContactType = (typeof contactTypes)[number]

export class ContactFormState {
  #editingId = $state<number | null>(null)
  name = $state('')
  phone = $state('')
  email = $state('')
  type = $state<ContactType>('whatsapp')
  #errors = $state<Record<string, string>>({})
  #message = $state<string | null>(null)
  #saving = $state(false)

  get editingId(): number | null {
    return this.#editingId
  }
  get errors(): Record<string, string> {
    return this.#errors
  }
  get message(): string | null {
    return this.#message
  }
  get saving(): boolean {
    return this.#saving
  }

  start(contact?: ContactDetail): void {
    this.#editingId = contact?.id ?? null
    this.name = contact?.name ?? ''
    this.phone = contact?.phone ?? ''
    this.email = contact?.email ?? ''
    this.type = (contactTypes as readonly string[]).includes(contact?.type ?? '') ? (contact?.type as ContactType) : 'whatsapp'
    this.#errors = {}
    this.#message = null
  }

  validate(): boolean {
    const errors: Record<string, string> = {}
    if (this.name.trim() === '') errors.name = m.form_enter_name()
    if (this.type === 'whatsapp' && this.phone.trim() === '') errors.phone = 'A WhatsApp contact needs a phone number.'
    if (this.phone.trim() !== '' && !/^\+?[0-9 ()-]{5,32}$/.test(this.phone.trim())) errors.phone = m.form_phone_invalid()
    if (this.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email.trim())) errors.email = m.form_email_invalid()
    this.#errors = errors
    return Object.keys(errors).length === 0
  }

  /** Returns the contact's id (a local one for a new contact) once it is queued, else null. */
  async save(): Promise<number | null> {
    if (!this.validate() || this.#saving) return null
    this.#saving = true
    const fields = {
      name: this.name.trim(),
      phone: this.phone.trim() || null,
      email: this.email.trim() || null,
      type: this.type,
    }
    try {
      if (this.#editingId === null) {
        const { localId } = await act('contact-create', fields)
        return typeof localId === 'number' ? localId : null
      }
      await act('contact-update', { id: this.#editingId, changes: fields })
      return this.#editingId
    } catch (error) {
      if (error instanceof DeskError && error.fields) {
        this.#errors = Object.fromEntries(Object.entries(error.fields).map(([field, messages]) => [field, messages.join(' ')]))
      }
      this.#message = messageOf(error, m.form_save_failed())
      return null
    } finally {
      this.#saving = false
    }
  }
}
