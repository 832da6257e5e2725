// Which accounts there are, which one is active, and which view is shown: the frame's state.
import type { AccountList, AccountSummary } from '../../../../shared/contract'
import { call, DeskError } from '../desk'
import { onEvent } from '../events'
import { m } from '../i18n.svelte'

/** In shortcut order (Ctrl/Cmd+1…): views added later take the next numbers, so known shortcuts stay. */
export const views = ['inbox', 'contacts', 'media', 'campaigns', 'settings', 'account', 'tickets', 'bookings', 'ai-agents', 'knowledge-base', 'voice'] as const
export type View = (typeof views)[number]
/** In the sidebar's order: Settings last. */
export const navOrder: readonly View[] = [...views.filter((v) => v !== 'settings'), 'settings']

/** A view's name in the sidebar and palette, in the current language. */
export function viewLabel(view: View): string {
  const labels: Record<View, () => string> = {
    inbox: m.view_inbox,
    contacts: m.view_contacts,
    media: m.view_media,
    campaigns: m.view_campaigns,
    account: m.view_account,
    tickets: m.view_tickets,
    bookings: m.view_bookings,
    settings: m.view_settings,
    'ai-agents': m.view_ai_agents,
    'knowledge-base': m.view_knowledge_base,
    voice: m.view_voice,
  }
  return labels[view]()
}

export class SessionState {
  #list = $state.raw<AccountList | undefined>()
  #view = $state<View>('inbox')
  #error = $state<string | undefined>()

  readonly active: AccountSummary | undefined = $derived.by(() => this.#list?.accounts.find((a) => a.id === this.#list?.activeId))

  get loaded(): boolean {
    return this.#list !== undefined
  }
  get accounts(): AccountSummary[] {
    return this.#list?.accounts ?? []
  }
  get activeId(): string | null {
    return this.#list?.activeId ?? null
  }
  get view(): View {
    return this.#view
  }
  get error(): string | undefined {
    return this.#error
  }
  /** No account yet: the first-run screen instead of the views. */
  get firstRun(): boolean {
    return this.#list !== undefined && this.#list.accounts.length === 0
  }

  show(view: View): void {
    this.#view = view
  }

  async load(): Promise<void> {
    try {
      this.#list = await call('accounts-list', {})
      this.#error = undefined
    } catch (error) {
      this.#error = error instanceof DeskError ? error.message : m.common_no_core()
    }
  }

  async switchTo(id: string): Promise<void> {
    if (id === this.activeId) return
    this.#list = await call('account-switch', { id })
  }

  /** An account was added or removed elsewhere (settings, first run): take the core's list. */
  accept(list: AccountList): void {
    this.#list = list
  }

  connect(): () => void {
    return onEvent('accounts-changed', (list) => this.accept(list))
  }
}
