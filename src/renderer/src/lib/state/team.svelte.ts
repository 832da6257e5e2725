// The team list (readable offline) with a role filter; adding, editing and removing members
// is queued. The password typed for a new member goes to the core with the add and is not
// kept in this state.
import type { TeamMemberItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'
import { fieldErrorsOf, type FieldErrors } from './account-area.svelte'

export const roleLabels: Record<string, () => string> = { admin: m.team_role_admin, agent: m.team_role_agent }
export const memberStatusLabels: Record<string, () => string> = { active: m.team_status_active, inactive: m.team_status_inactive }

export class TeamState {
  #items = $state.raw<TeamMemberItem[]>([])
  #role = $state<string | null>(null)
  #loaded = $state(false)
  #error = $state<string | null>(null)

  get items(): TeamMemberItem[] {
    return this.#items
  }
  get role(): string | null {
    return this.#role
  }
  get loaded(): boolean {
    return this.#loaded
  }
  get error(): string | null {
    return this.#error
  }

  async filter(role: string | null): Promise<void> {
    this.#role = role
    await this.reload()
  }

  async reload(): Promise<void> {
    try {
      this.#items = (await call('team-list', this.#role ? { role: this.#role } : {})).items
      this.#error = null
    } catch (error) {
      this.#error = messageOf(error, m.team_read_failed())
    } finally {
      this.#loaded = true
    }
  }

  /** null when queued; otherwise the field errors, or a message for the whole form. */
  async add(input: { name: string; email: string; role: string; password: string }): Promise<FieldErrors | string | null> {
    return this.#queue(() => call('team-create', input))
  }

  async update(id: number, changes: { name?: string; email?: string; role?: string; status?: string }): Promise<FieldErrors | string | null> {
    return this.#queue(() => call('team-update', { id, changes }))
  }

  async remove(id: number): Promise<string | null> {
    const result = await this.#queue(() => call('team-delete', { id }))
    return typeof result === 'string' ? result : null
  }

  async #queue(work: () => Promise<unknown>): Promise<FieldErrors | string | null> {
    try {
      await work()
      await this.reload()
      return null
    } catch (error) {
      const fields = fieldErrorsOf(error)
      return Object.keys(fields).length > 0 ? fields : messageOf(error)
    }
  }
}
