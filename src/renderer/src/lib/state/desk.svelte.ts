// The app's state, composed: one instance of each view's state, and what ties them
// together — switching accounts reloads the views, a data-changed event refreshes only
// what shows that data, a search hit opens its conversation in place.
import { getContext, setContext } from 'svelte'
import type { ResourceName } from '../../../../shared/contract'
import { all, onEvent } from '../events'
import { messageOf, onOutboxEvent } from '../actions'
import { usableZone } from '../zoned-time'
import { call } from '../desk'
import { AddAccountState } from './add-account.svelte'
import { AiAgentsState } from './ai-agents.svelte'
import { ContactSelectionState } from './contact-selection.svelte'
import { KnowledgeBaseState } from './knowledge-base.svelte'
import { VoiceState } from './voice.svelte'
import { CampaignDetailState } from './campaign-detail.svelte'
import { CampaignEditorState } from './campaign-editor.svelte'
import { CampaignsState } from './campaigns.svelte'
import { ComposerState } from './composer.svelte'
import { ContactDetailState } from './contact-detail.svelte'
import { ContactFormState } from './contact-form.svelte'
import { ContactsState } from './contacts.svelte'
import { ConversationsState } from './conversations.svelte'
import { MediaPreviewState } from './media-preview.svelte'
import { MediaState } from './media.svelte'
import { OutboxState } from './outbox.svelte'
import { PaletteState } from './palette.svelte'
import { afterNextFrame } from '../frames'
import { viewsToRefresh } from './refresh-routes'
import { SearchState } from './search.svelte'
import { SessionState, type View } from './session.svelte'
import { SettingsState } from './settings.svelte'
import { AccountAreaState } from './account-area.svelte'
import { SyncStatusState } from './sync-status.svelte'
import { TeamState } from './team.svelte'
import { WebhooksState } from './webhooks.svelte'
import { ThreadState } from './thread.svelte'
import { ThumbnailsState } from './thumbnails.svelte'
import { TicketsState } from './tickets.svelte'
import { BookingsState } from './bookings.svelte'
import { WebChatState } from './web-chat.svelte'
import { UploadsState } from './uploads.svelte'
import { m } from '../i18n.svelte'

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
  readonly contacts = new ContactsState()
  readonly contact = new ContactDetailState()
  /** The open conversation's contact, shown beside the thread. */
  readonly threadContact = new ContactDetailState()
  readonly contactForm = new ContactFormState()
  readonly media = new MediaState()
  readonly thumbnails = new ThumbnailsState()
  readonly preview = new MediaPreviewState()
  readonly uploads = new UploadsState(() => this.session.activeId)
  readonly campaigns = new CampaignsState()
  readonly campaign = new CampaignDetailState()
  readonly editor = new CampaignEditorState()
  readonly tickets = new TicketsState()
  readonly bookings = new BookingsState()
  readonly webChat = new WebChatState()
  readonly settings = new SettingsState()
  readonly addAccount = new AddAccountState()
  readonly palette = new PaletteState()
  readonly account = new AccountAreaState()
  readonly team = new TeamState()
  readonly webhooks = new WebhooksState()
  readonly aiAgents = new AiAgentsState()
  readonly selection = new ContactSelectionState()
  readonly knowledgeBase = new KnowledgeBaseState(() => this.session.activeId, () => !this.sync.offline)
  readonly voice = new VoiceState(() => this.session.activeId, () => !this.sync.offline)
  #loadedFor: string | null = null

  /** The zone times are shown in: the account's when it has one, else the computer's. */
  readonly timeZone: string | undefined = $derived(usableZone(this.account.overview?.profile?.timezone))

  async start(): Promise<void> {
    // The settings first: the first view is drawn in the user's language and direction.
    await this.settings.load()
    await this.session.load()
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
    this.contacts.select(null)
    this.campaigns.select(null)
    this.tickets.reset()
    this.bookings.reset()
    this.webChat.reset()
    this.selection.clear()
    this.knowledgeBase.stopPolling()
    this.knowledgeBase.close()
    this.search.clear()
    // A copy that cannot be opened has nothing to show; its notice stands in for the views.
    if (!id || !this.session.active || this.session.active.keyMissing || this.session.active.localData !== 'ok') return
    await Promise.all([
      this.sync.load(),
      this.conversations.restart(),
      this.contacts.restart(),
      this.contacts.loadGroups(),
      this.media.restart(),
      this.campaigns.reload(),
      this.tickets.reload(),
      this.bookings.reload(),
      this.webChat.reload(),
      this.editor.loadChannels(),
      this.account.load(),
      this.team.reload(),
      this.webhooks.reload(),
      this.aiAgents.reload(),
      this.knowledgeBase.reload(),
      this.voice.load(),
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
    this.contacts.select(contactId)
    await this.contact.load(contactId)
  }

  async openCampaign(id: number | null): Promise<void> {
    this.campaigns.select(id)
    await this.campaign.load(id)
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
    if (parts.has('contacts')) work.push(this.contacts.reload())
    if (parts.has('contact')) work.push(this.contact.reload(), this.threadContact.reload())
    if (parts.has('groups')) work.push(this.contacts.loadGroups())
    if (parts.has('media')) work.push(this.media.reload())
    if (parts.has('campaigns')) work.push(this.campaigns.reload())
    if (parts.has('campaign')) work.push(this.campaign.load(this.campaigns.selectedId))
    if (parts.has('tickets')) work.push(this.tickets.reload())
    if (parts.has('ticket')) work.push(this.tickets.loadTicket())
    if (parts.has('bookings')) work.push(this.bookings.reload())
    if (parts.has('webChat')) work.push(this.webChat.reload(), this.webChat.load())
    if (parts.has('channels')) work.push(this.editor.loadChannels())
    if (parts.has('account')) work.push(this.account.load())
    if (parts.has('team')) work.push(this.team.reload())
    if (parts.has('webhooks')) work.push(this.webhooks.reload())
    if (parts.has('ai-agents')) work.push(this.aiAgents.reload())
    if (parts.has('knowledge-base')) work.push(this.knowledgeBase.reload())
    if (parts.has('voice')) work.push(this.voice.load())
    if (this.search.active && parts.has('search')) work.push(this.search.refresh())
    await Promise.all(work)
  }

  connect(): () => void {
    return all(
      this.session.connect(),
      this.sync.connect(),
      this.outbox.connect(),
      this.uploads.connect(),
      this.knowledgeBase.uploads.connect(),
      this.voice.samples.connect(),
      onEvent('accounts-changed', () => void this.accountChanged()),
      // A notification was clicked: show that conversation, in its account.
      onEvent('open-conversation', ({ accountId, contactId }) => void this.openFromNotification(accountId, contactId)),
      onEvent('data-changed', ({ accountId, resources, contactIds }) => {
        if (accountId === this.session.activeId) void this.dataChanged(resources, contactIds)
      }),
      // What sync saw happen (support answered, a visitor waits or wrote), in any account.
      onEvent('ticket-answered', ({ subject }) => this.tickets.supportAnswered(subject)),
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
