// The states of the views other than the inbox — contacts, media, campaigns, tickets,
// bookings, the account's team and webhooks, AI agents, the knowledge base, voice — with
// their words: a chunk of their own, fetched when one of those views is first opened
// (DeskState.loadViews), so the start parses, and reads data for, only the frame and the
// inbox. Created for the account shown, and told when it changes or its data does.
import { all } from '../events'
import { AiAgentsState } from './ai-agents.svelte'
import { BookingsState } from './bookings.svelte'
import { CampaignDetailState } from './campaign-detail.svelte'
import { CampaignEditorState } from './campaign-editor.svelte'
import { CampaignsState } from './campaigns.svelte'
import type { ChannelsState } from './channels.svelte'
import { ContactFormState } from './contact-form.svelte'
import { ContactSelectionState } from './contact-selection.svelte'
import { ContactsState } from './contacts.svelte'
import { KnowledgeBaseState } from './knowledge-base.svelte'
import { MediaState } from './media.svelte'
import type { ViewPart } from './refresh-routes'
import { TeamState } from './team.svelte'
import { TicketsState } from './tickets.svelte'
import { UploadsState } from './uploads.svelte'
import { VoiceState } from './voice.svelte'
import { WebhooksState } from './webhooks.svelte'

export class ViewStates {
  readonly contacts = new ContactsState()
  readonly contactForm = new ContactFormState()
  readonly selection = new ContactSelectionState()
  readonly media = new MediaState()
  /** Files dropped on the media library, on their way through the outbox. */
  readonly uploads: UploadsState
  readonly campaigns = new CampaignsState()
  readonly campaign = new CampaignDetailState()
  readonly editor: CampaignEditorState
  readonly tickets = new TicketsState()
  readonly bookings = new BookingsState()
  readonly team = new TeamState()
  readonly webhooks = new WebhooksState()
  readonly aiAgents = new AiAgentsState()
  readonly knowledgeBase: KnowledgeBaseState
  readonly voice: VoiceState

  constructor(accountId: () => string | null, online: () => boolean, channels: ChannelsState) {
    this.uploads = new UploadsState(accountId)
    this.editor = new CampaignEditorState(channels)
    this.knowledgeBase = new KnowledgeBaseState(accountId, online)
    this.voice = new VoiceState(accountId, online)
  }

  /** Another account is shown: what was chosen goes; its data is read when `usable`. */
  async accountChanged(usable: boolean): Promise<void> {
    this.contacts.select(null)
    this.campaigns.select(null)
    this.tickets.reset()
    this.bookings.reset()
    this.selection.clear()
    this.knowledgeBase.stopPolling()
    this.knowledgeBase.close()
    if (!usable) return
    await Promise.all([
      this.contacts.restart(),
      this.contacts.loadGroups(),
      this.media.restart(),
      this.campaigns.reload(),
      this.tickets.reload(),
      this.bookings.reload(),
      this.editor.loadChannels(),
      this.team.reload(),
      this.webhooks.reload(),
      this.aiAgents.reload(),
      this.knowledgeBase.reload(),
      this.voice.load(),
    ])
  }

  /** Re-reads the parts that show what changed (see refresh-routes.ts). */
  refresh(parts: ReadonlySet<ViewPart>): Promise<unknown>[] {
    const work: Promise<unknown>[] = []
    if (parts.has('contacts')) work.push(this.contacts.reload())
    if (parts.has('groups')) work.push(this.contacts.loadGroups())
    if (parts.has('media')) work.push(this.media.reload())
    if (parts.has('campaigns')) work.push(this.campaigns.reload())
    if (parts.has('campaign')) work.push(this.campaign.load(this.campaigns.selectedId))
    if (parts.has('tickets')) work.push(this.tickets.reload())
    if (parts.has('ticket')) work.push(this.tickets.loadTicket())
    if (parts.has('bookings')) work.push(this.bookings.reload())
    if (parts.has('channels')) work.push(this.editor.loadChannels())
    if (parts.has('team')) work.push(this.team.reload())
    if (parts.has('webhooks')) work.push(this.webhooks.reload())
    if (parts.has('ai-agents')) work.push(this.aiAgents.reload())
    if (parts.has('knowledge-base')) work.push(this.knowledgeBase.reload())
    if (parts.has('voice')) work.push(this.voice.load())
    return work
  }

  /** Uploads (media files, knowledge-base files, voice samples) report their progress. */
  connect(): () => void {
    return all(this.uploads.connect(), this.knowledgeBase.uploads.connect(), this.voice.samples.connect())
  }
}
