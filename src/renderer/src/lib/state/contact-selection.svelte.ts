// Contacts chosen in the contacts view for a bulk action: one click opens a contact as
// before; Ctrl/Cmd-click (or Space on the keyboard's row) adds or removes one, Shift-click
// (or Shift+arrows) takes the range from the last one chosen — a range that grows and
// shrinks as it is extended, as in a file manager; "select all matching" (Ctrl/Cmd+A) takes
// every contact the filter matches (resolved by the core, so it covers contacts not yet
// scrolled into view); Escape clears. Also the agent each shows.
import type { ContactFilter } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'

export class ContactSelectionState {
  #ids = $state.raw<ReadonlySet<number>>(new Set())
  #anchor: number | null = null
  /** What was chosen before the range from the anchor began. */
  #base: ReadonlySet<number> = new Set()
  /** Every contact matching this filter is chosen (the count is the list's total). */
  #allMatching = $state.raw<ContactFilter | null>(null)
  #agents = $state.raw<ReadonlyMap<number, string>>(new Map())
  #message = $state<string | null>(null)

  get ids(): ReadonlySet<number> {
    return this.#ids
  }
  get allMatching(): boolean {
    return this.#allMatching !== null
  }
  get message(): string | null {
    return this.#message
  }
  has(id: number): boolean {
    return this.#allMatching !== null || this.#ids.has(id)
  }
  count(total: number): number {
    return this.#allMatching !== null ? total : this.#ids.size
  }
  /** The agent assigned to a contact (from this app), if any. */
  agentOf(id: number): string | undefined {
    return this.#agents.get(id)
  }

  /** Ctrl/Cmd-click: one contact in or out. */
  toggle(id: number, index: number): void {
    const next = new Set(this.#ids)
    if (!next.delete(id)) next.add(id)
    this.#ids = next
    this.#allMatching = null
    this.#anchor = index
    this.#base = next
  }

  /**
   * Shift-click or Shift+arrow: everything between the anchor (the last row toggled, else
   * `from`, the row the keyboard was on) and this one, added to what was chosen before.
   */
  extend(index: number, idsInOrder: readonly number[], from: number = index): void {
    if (this.#anchor === null || this.#allMatching !== null) {
      this.#anchor = from
      this.#base = this.#allMatching !== null ? new Set() : this.#ids
    }
    const anchor = this.#anchor
    const [a, b] = anchor <= index ? [anchor, index] : [index, anchor]
    this.#ids = new Set([...this.#base, ...idsInOrder.slice(a, b + 1)])
    this.#allMatching = null
  }

  selectAllMatching(filter: ContactFilter): void {
    this.#allMatching = { ...filter }
    this.#ids = new Set()
    this.#anchor = null
    this.#base = new Set()
  }

  /** "All matching" means matching the filter shown: a changed filter ends that choice. */
  filterChanged(filter: ContactFilter): void {
    if (this.#allMatching !== null && JSON.stringify(this.#allMatching) !== JSON.stringify({ ...filter })) this.clear()
  }

  clear(): void {
    this.#ids = new Set()
    this.#allMatching = null
    this.#anchor = null
    this.#base = new Set()
  }

  async loadAgents(contactIds: readonly number[]): Promise<void> {
    if (contactIds.length === 0) {
      this.#agents = new Map()
      return
    }
    try {
      const { items } = await call('contact-agents', { contactIds: contactIds.slice(0, 5_000) })
      this.#agents = new Map(items.map((i) => [i.contactId, i.agentName]))
    } catch {
      // The label is a convenience: the list works without it.
    }
  }

  /** Queues one assignment for everything chosen; true when queued. */
  async assign(agentId: number, agentName: string, total: number): Promise<boolean> {
    const count = this.count(total)
    try {
      const input = this.#allMatching !== null ? { id: agentId, filter: this.#allMatching } : { id: agentId, contactIds: [...this.#ids] }
      const { count: queued } = await call('ai-agent-assign', input)
      this.#message = m.selection_assigned({ name: agentName, n: queued })
      this.clear()
      return true
    } catch (error) {
      this.#message = messageOf(error, m.selection_assign_failed({ n: count }))
      return false
    }
  }
}
