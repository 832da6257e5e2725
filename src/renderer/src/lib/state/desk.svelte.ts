// The app's state, composed: one instance of each view's state, and what ties them
// together — switching accounts reloads the views, a data-changed event refreshes only
// what shows that data, a search hit opens its conversation in place.
import { getContext, setContext } from 'svelte'
import type { ResourceName, Settings } from '../../../../shared/contract'
import { all, onEvent } from '../events'
import { messageOf, onOutboxEvent } from '../actions'
import { usableZone } from '../zoned-time'
import { call } from '../desk'
import { AddAccountState } from './add-account.svelte'
import { ComposerState } from './composer.svelte'
import { ContactDetailState } from './contact-detail.svelte'
import { ConversationsState } from './conversations.svelte'
import { MediaPreviewState } from './media-preview.svelte'
import { OutboxState } from './outbox.svelte'
import { PaletteState } from './palette.svelte'
import { afterNextFrame } from '../frames'
import { viewsToRefresh } from './refresh-routes'
import { ChannelsState } from './channels.svelte'
import type { ViewStates } from './view-states.svelte'
import { SearchState } from './search.svelte'
import { SessionState, type View } from './session.svelte'
import { SettingsState } from './settings.svelte'
import { AccountAreaState } from './account-area.svelte'
import { SyncStatusState } from './sync-status.svelte'
import { ThreadState } from './thread.svelte'
import { ThumbnailsState } from './thumbnails.svelte'
import { WebChatState } from './web-chat.svelte'
import { locale, m } from '../i18n.svelte'

export class DeskState {
  readonly session = new SessionState()
  readonly sync = new SyncStatusState(() => this.session.activeId)
  readonly outbox = new OutboxState(() => this.session.activeId)
  readonly conversations = new ConversationsState()
  readonly thread = new ThreadState()
  readonly composer = new ComposerState(
    () => this.thread.contactId,
    () => this.settings.settings?.sendWith ?? 'enter',
  )
  readonly search = new SearchState(() => this.timeZone)
  readonly contact = new ContactDetailState()
  /** The open conversation's contact, shown beside the thread. */
  readonly threadContact = new ContactDetailState()
  readonly thumbnails = new ThumbnailsState()
  readonly preview = new MediaPreviewState()
  readonly channels = new ChannelsState()
  readonly webChat = new WebChatState()
  readonly settings = new SettingsState()
  readonly addAccount = new AddAccountState()
  readonly palette = new PaletteState()
  readonly account = new AccountAreaState()
  #views = $state.raw<ViewStates | null>(null)
  #loadingViews: Promise<ViewStates> | null = null
  #disconnectViews: (() => void) | null = null
  #loadedFor: string | null = null

  /** The zone times are shown in: the account's when it has one, else the computer's. */
  readonly timeZone: string | undefined = $derived(usableZone(this.account.overview?.profile?.timezone))

  /** The other views' states: loaded when one of those views is first opened (loadViews). */
  #loaded(): ViewStates {
    if (!this.#views) throw new Error('A view\'s state was used before loadViews()')
    return this.#views
  }
  get contacts() {
    return this.#loaded().contacts
  }
  get contactForm() {
    return this.#loaded().contactForm
  }
  get selection() {
    return this.#loaded().selection
  }
  get media() {
    return this.#loaded().media
  }
  get uploads() {
    return this.#loaded().uploads
  }
  get campaigns() {
    return this.#loaded().campaigns
  }
  get campaign() {
    return this.#loaded().campaign
  }
  get editor() {
    return this.#loaded().editor
  }
  get tickets() {
    return this.#loaded().tickets
  }
  get bookings() {
    return this.#loaded().bookings
  }
  get team() {
    return this.#loaded().team
  }
  get webhooks() {
    return this.#loaded().webhooks
  }
  get aiAgents() {
    return this.#loaded().aiAgents
  }
  get knowledgeBase() {
    return this.#loaded().knowledgeBase
  }
  get voice() {
    return this.#loaded().voice
  }

  /**
   * Fetches the other views' states and words (a chunk of their own, in the language shown)
   * and reads their data for the account shown. Once; every later call has them at once.
   */
  loadViews(): Promise<ViewStates> {
    this.#loadingViews ??= Promise.all([import('./view-states.svelte'), locale.addViews()]).then(
      ([module]) => {
        const views = new module.ViewStates(() => this.session.activeId, () => !this.sync.offline, this.channels)
        this.#disconnectViews = this.#connected ? views.connect() : null
        this.#views = views
        void views.accountChanged(this.#usable())
        return views
      },
      (error: unknown) => {
        this.#loadingViews = null // the next view opened tries again
        throw error
      },
    )
    return this.#loadingViews
  }

  /**
   * The channels again: through the campaign editor once it is loaded (it says why they could
   * not be read, and it is told of a new account or a change anyway); else quietly, the
   * inbox's filter keeping the channels it knew.
   */
  async #loadChannels(): Promise<void> {
    if (!this.#views) await this.channels.load().catch(() => {})
  }

  /** Whether the active account's copy can be shown (else its notice stands in for the views). */
  #usable(): boolean {
    const active = this.session.active
    return !!this.session.activeId && !!active && !active.keyMissing && active.localData === 'ok'
  }

  /** `settings`: as already read (by main.ts, to draw the first frame in the user's language). */
  async start(settings?: Settings): Promise<void> {
    await Promise.all([this.settings.load(settings), this.session.load()])
    await this.accountChanged()
  }

  /** Everything shown belongs to the active account: read it all again when that changes. */
  async accountChanged(): Promise<void> {
    const id = this.session.activeId
    if (id === this.#loadedFor) return
    this.#loadedFor = id
    this.thread.close()
    void this.threadContact.load(null)
    this.conversations.select(null)
    this.webChat.reset()
    this.search.clear()
    const usable = this.#usable()
    const views = this.#views?.accountChanged(usable)
    // A copy that cannot be opened has nothing to show; its notice stands in for the views.
    if (!usable) return
    await Promise.all([
      this.sync.load(),
      this.conversations.restart(),
      this.webChat.reload(),
      this.#loadChannels(),
      this.account.load(),
      views,
    ])
  }

  #rebuilding = $state<string | null>(null)
  #rebuildError = $state<string | null>(null)

  /** The account whose local copy is being rebuilt. */
  get rebuilding(): string | null {
    return this.#rebuilding
  }
  get rebuildError(): string | null {
    return this.#rebuildError
  }

  /** Rebuilds a damaged local copy from SkyLight, then shows the account's views again. */
  async rebuild(accountId: string): Promise<void> {
    this.#rebuilding = accountId
    this.#rebuildError = null
    try {
      await call('account-rebuild', { id: accountId })
      await this.session.load()
      this.#loadedFor = null
      await this.accountChanged()
    } catch (error) {
      this.#rebuildError = messageOf(error, m.damaged_rebuild_failed())
    } finally {
      this.#rebuilding = null
    }
  }

  async openConversation(contactId: number, throughRowId?: number): Promise<void> {
    this.session.show('inbox')
    this.conversations.select(contactId)
    // The messages first, alone: the contact panel and the read mark follow once the thread
    // is on screen, so their answers (and what they re-read) never hold up its first frame.
    // A contact with no conversation in the list is named by their card: read it alongside.
    const named = this.conversations.selected !== undefined
    await Promise.all([this.thread.open(contactId, throughRowId), named ? undefined : this.threadContact.load(contactId)])
    await afterNextFrame()
    if (this.thread.contactId !== contactId) return
    await Promise.all([this.conversations.markRead(contactId), named ? this.threadContact.load(contactId) : undefined])
  }

  async openFromNotification(accountId: string, contactId: number): Promise<void> {
    if (accountId !== this.session.activeId) {
      await this.session.switchTo(accountId)
      await this.accountChanged()
    }
    await this.openConversation(contactId)
  }

  async openContact(contactId: number): Promise<void> {
    this.session.show('contacts')
    const views = await this.loadViews()
    views.contacts.select(contactId)
    await this.contact.load(contactId)
  }

  async openCampaign(id: number | null): Promise<void> {
    const views = await this.loadViews()
    views.campaigns.select(id)
    await views.campaign.load(id)
  }

  /** Sends the reply; the pending message shows in the thread at once. */
  async send(): Promise<void> {
    if (await this.composer.send()) await Promise.all([this.thread.refresh({ follow: true }), this.conversations.reload()])
  }

  go(view: View): void {
    this.session.show(view)
  }

  /** Re-reads the views that show what changed (see refresh-routes.ts). */
  async dataChanged(resources: readonly ResourceName[], contactIds: readonly number[]): Promise<void> {
    const parts = viewsToRefresh(resources)
    const work: Promise<unknown>[] = []
    if (parts.has('conversations')) work.push(this.conversations.reload())
    const open = this.thread.contactId
    if (open !== null && parts.has('thread') && (contactIds.length === 0 || contactIds.includes(open))) {
      work.push(this.thread.refresh())
      // New messages in the conversation on screen are seen as they arrive.
      if (this.session.view === 'inbox' && !this.webChat.shown) work.push(this.conversations.markRead(open))
    }
    if (parts.has('contact')) work.push(this.contact.reload(), this.threadContact.reload())
    if (parts.has('webChat')) work.push(this.webChat.reload(), this.webChat.load())
    if (parts.has('channels')) work.push(this.#loadChannels())
    if (parts.has('account')) work.push(this.account.load())
    if (this.#views) work.push(...this.#views.refresh(parts))
    if (this.search.active && parts.has('search')) work.push(this.search.refresh())
    await Promise.all(work)
  }

  #connected = false

  connect(): () => void {
    this.#connected = true
    if (this.#views && !this.#disconnectViews) this.#disconnectViews = this.#views.connect()
    return all(
      () => {
        this.#connected = false
        this.#disconnectViews?.()
        this.#disconnectViews = null
      },
      this.session.connect(),
      this.sync.connect(),
      this.outbox.connect(),
      onEvent('accounts-changed', () => void this.accountChanged()),
      // A notification was clicked: show that conversation, in its account.
      onEvent('open-conversation', ({ accountId, contactId }) => void this.openFromNotification(accountId, contactId)),
      onEvent('data-changed', ({ accountId, resources, contactIds }) => {
        if (accountId === this.session.activeId) void this.dataChanged(resources, contactIds)
      }),
      // What sync saw happen (support answered, a visitor waits or wrote), in any account.
      onEvent('ticket-answered', ({ subject }) => void this.loadViews().then((views) => views.tickets.supportAnswered(subject))),
      onEvent('web-chat-waiting', ({ visitor }) => this.webChat.visitorWaiting(visitor)),
      onEvent('web-chat-visitor-message', ({ visitor, preview }) => this.webChat.visitorWrote(visitor, preview)),
      onEvent('channel-dropped', ({ accountId, type, syncStatus }) => {
        if (accountId === this.session.activeId) this.account.channelDropped(type, syncStatus)
      }),
      onEvent('sync-status', ({ accountId, state }) => {
        // Back online: images that could not be fetched are asked for again.
        if (accountId === this.session.activeId && state === 'idle') this.thumbnails.retryMissing()
      }),
      // An action carried out or failed changes marks in the views (sent, failed…).
      onOutboxEvent('outbox-action', ({ accountId, action }) => {
        if (accountId === this.session.activeId) void this.dataChanged(action.resources, [])
      }),
    )
  }
}

/** Exported for component tests, which provide a DeskState through render's context. */
export const deskContextKey = Symbol('desk')
const key = deskContextKey

export function provideDesk(desk: DeskState): DeskState {
  return setContext(key, desk)
}

export function useDesk(): DeskState {
  return getContext<DeskState>(key)
}
