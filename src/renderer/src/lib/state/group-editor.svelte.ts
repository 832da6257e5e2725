// Creating, renaming and deleting tags, lists and segments from the contacts view. Each is
// queued in the core (shown at once, carried out when online); a delete first says how
// many contacts it takes the group off, as the core counts them.
import type { GroupItem, GroupKind } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'
import { ActionRunner } from './desk-list.svelte'

export interface PendingDelete {
  kind: GroupKind
  id: number
  name: string
  /** Contacts that have the tag or are in the list or segment (the local copy's count). */
  contacts: number
}

export class GroupEditorState {
  #renaming = $state<{ kind: GroupKind; id: number } | null>(null)
  #deleting = $state.raw<PendingDelete | null>(null)
  readonly #actions = new ActionRunner()
  /** The section the last refusal is shown in. */
  #errorKind = $state<GroupKind | null>(null)

  /** Which row is being renamed (its name is an input then). */
  get renaming(): { kind: GroupKind; id: number } | null {
    return this.#renaming
  }
  /** The delete waiting for the user's confirmation. */
  get deleting(): PendingDelete | null {
    return this.#deleting
  }
  get busy(): boolean {
    return this.#actions.busy
  }
  /** The last refusal, shown in that kind's section. */
  errorFor(kind: GroupKind): string | null {
    return this.#errorKind === kind ? this.#actions.error : null
  }

  /** Queues a new one; true when queued (the form empties). */
  async create(kind: GroupKind, name: string): Promise<boolean> {
    const trimmed = name.trim()
    if (trimmed === '') {
      this.#refuse(kind, m.groups_give_name({ kind }))
      return false
    }
    return this.#run(kind, () => call('group-create', { kind, name: trimmed }))
  }

  startRename(kind: GroupKind, id: number): void {
    this.#renaming = { kind, id }
    this.#actions.error = null
  }

  cancelRename(): void {
    this.#renaming = null
  }

  /** Renames the row being edited; an unchanged name just closes the editor. */
  async rename(group: GroupItem, name: string): Promise<boolean> {
    const editing = this.#renaming
    if (!editing) return false
    const trimmed = name.trim()
    if (trimmed === group.name) {
      this.#renaming = null
      return true
    }
    if (trimmed === '') {
      this.#refuse(editing.kind, m.groups_give_name({ kind: editing.kind }))
      return false
    }
    const done = await this.#run(editing.kind, () => call('group-rename', { kind: editing.kind, id: group.id, name: trimmed }))
    if (done) this.#renaming = null
    return done
  }

  /** Asks the core how many contacts the delete touches, then waits for the user's word. */
  async requestDelete(kind: GroupKind, id: number): Promise<void> {
    try {
      const usage = await call('group-usage', { kind, id })
      this.#deleting = { kind, id, name: usage.name, contacts: usage.contacts }
      this.#actions.error = null
    } catch (error) {
      this.#refuse(kind, messageOf(error))
    }
  }

  cancelDelete(): void {
    this.#deleting = null
  }

  async confirmDelete(): Promise<PendingDelete | null> {
    const target = this.#deleting
    this.#deleting = null
    if (!target) return null
    const done = await this.#run(target.kind, () => call('group-delete', { kind: target.kind, id: target.id }))
    return done ? target : null
  }

  /** One change at a time; a refusal is shown in `kind`'s section. */
  async #run(kind: GroupKind, work: () => Promise<unknown>): Promise<boolean> {
    if (this.#actions.busy) return false
    this.#errorKind = kind
    return this.#actions.run(work)
  }

  #refuse(kind: GroupKind, message: string): void {
    this.#errorKind = kind
    this.#actions.error = message
  }
}
