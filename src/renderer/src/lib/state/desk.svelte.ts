// The app's state, composed: one instance of each view's state, and what ties them
// together — switching accounts reloads the views, a data-changed event refreshes only
// what shows that data, a search hit opens its conversation in place.
import { getContext, setContext } from 'svelte'
import { all, onEvent } from '../events'
import { messageOf, onOutboxEvent } from '../actions'
import { call } from '../desk'
import { AddAccountState } from './add-account.svelte'
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
import { SearchState } from './search.svelte'
import { SessionState, type View } from './session.svelte'
import { SettingsState } from './settings.svelte'
import { SyncStatusState } from './sync-status.svelte'
import { ThreadState } from './thread.svelte'
import { ThumbnailsState } from './thumbnails.svelte'
import { UploadsState } from './uploads.svelte'

export class DeskState {
  readonly session = new SessionState()
  readonly sync = new SyncStatusState(() => this.session.activeId)
  readonly outbox = new OutboxState(() => this.session.activeId)
  readonly conversations = new ConversationsState()
  readonly thread = new ThreadState()
  readonly composer = new ComposerState(() => this.thread.contactId)
  readonly search = new SearchState()
  readonly contacts = new ContactsState()
  readonly contact = new ContactDetailState()
  readonly contactForm = new ContactFormState()
  readonly media = new MediaState()
  readonly thumbnails = new ThumbnailsState()
  readonly preview = new MediaPreviewState()
  readonly uploads = new UploadsState(() => this.session.activeId)
  readonly campaigns = new CampaignsState()
  readonly campaign = new CampaignDetailState()
  readonly editor = new CampaignEditorState()
  readonly settings = new SettingsState()
  readonly addAccount = new AddAccountState()
  readonly palette = new PaletteState()
  #loadedFor: string | null = null

  async start(): Promise<void> {
    await this.session.load()
    await this.settings.load()
    await this.accountChanged()
  }

  /** Everything shown belongs to the active account: read it all again when that changes. */
  async accountChanged(): Promise<void> {
    const id = this.session.activeId
    if (id === this.#loadedFor) return
    this.#loadedFor = id
    this.thread.close()
    this.conversations.select(null)
    this.contacts.select(null)
    this.campaigns.select(null)
    this.search.clear()
    // A copy that cannot be opened has nothing to show; its notice stands in for the views.
    if (!id || !this.session.active || this.session.active.keyMissing || this.session.active.localData !== 'ok') return
    await Promise.all([
      this.sync.load(),
      this.conversations.reload(),
      this.contacts.reload(),
      this.contacts.loadGroups(),
      this.media.reload(),
      this.campaigns.reload(),
      this.editor.loadChannels(),
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
      this.#rebuildError = messageOf(error, 'The local copy could not be rebuilt.')
    } finally {
      this.#rebuilding = null
    }
  }

  async openConversation(contactId: number, throughRowId?: number): Promise<void> {
    this.session.show('inbox')
    this.conversations.select(contactId)
    await this.thread.open(contactId, throughRowId)
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
    if (await this.composer.send()) await Promise.all([this.thread.refresh(), this.conversations.reload()])
  }

  go(view: View): void {
    this.session.show(view)
  }

  /** Which views re-read after the store changed, by the resources the core names. */
  async dataChanged(resources: readonly string[], contactIds: readonly number[]): Promise<void> {
    const touches = (...names: string[]) => names.some((n) => resources.includes(n))
    const work: Promise<unknown>[] = []
    if (touches('conversations', 'messages', 'contacts')) work.push(this.conversations.reload())
    const open = this.thread.contactId
    if (open !== null && touches('messages', 'conversations') && (contactIds.length === 0 || contactIds.includes(open))) work.push(this.thread.refresh())
    if (touches('contacts', 'groups', 'notes', 'tags')) work.push(this.contacts.reload(), this.contact.reload())
    if (touches('groups', 'tags', 'lists', 'segments')) work.push(this.contacts.loadGroups())
    if (touches('media')) work.push(this.media.reload())
    if (touches('campaigns')) work.push(this.campaigns.reload(), this.campaign.load(this.campaigns.selectedId))
    if (touches('account', 'channels')) work.push(this.editor.loadChannels())
    if (this.search.active && touches('messages', 'contacts')) work.push(this.search.run())
    await Promise.all(work)
  }

  connect(): () => void {
    return all(
      this.session.connect(),
      this.sync.connect(),
      this.outbox.connect(),
      this.uploads.connect(),
      onEvent('accounts-changed', () => void this.accountChanged()),
      // A notification was clicked: show that conversation, in its account.
      onEvent('open-conversation', ({ accountId, contactId }) => void this.openFromNotification(accountId, contactId)),
      onEvent('data-changed', ({ accountId, resources, contactIds }) => {
        if (accountId === this.session.activeId) void this.dataChanged(resources, contactIds)
      }),
      onEvent('sync-status', ({ accountId, state }) => {
        // Back online: images that could not be fetched are asked for again.
        if (accountId === this.session.activeId && state === 'idle') this.thumbnails.retryMissing()
      }),
      // An action carried out or failed changes marks in the views (sent, failed…).
      onOutboxEvent('outbox-action', ({ accountId, action }) => {
        if (accountId === this.session.activeId) void this.dataChanged(resourcesOf(action.kind), [])
      }),
    )
  }
}

/** The views an outbox action's kind (send-message, upload-media, update-campaign…) shows in. */
export function resourcesOf(kind: string): string[] {
  if (kind.includes('message')) return ['messages', 'conversations']
  if (kind.includes('media')) return ['media']
  if (kind.includes('campaign')) return ['campaigns']
  if (kind.includes('contact') || kind.includes('note') || kind.includes('tag')) return ['contacts']
  return ['conversations', 'contacts', 'media', 'campaigns']
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
