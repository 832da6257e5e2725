// Writing a campaign, fully offline: name, channel, message and audience (contacts, lists,
// segments) with a live local count of unique recipients; saved as a draft through the
// outbox. Only drafts can be edited (SkyLight's rule).
import type { CampaignDetail, ChannelItem, ContactHit } from '../../../../shared/contract'
import { act, messageOf } from '../actions'
import { call } from '../desk'
import { m } from '../i18n.svelte'
import type { ChannelsState } from './channels.svelte'

export class CampaignEditorState {
  #editingId = $state<number | null>(null)
  name = $state('')
  channelId = $state<number | null>(null)
  message = $state('')
  /** SkyLight's conservative warm-up pace for a new phone number. */
  isNewNumber = $state(false)
  #contactIds = $state.raw<number[]>([])
  #listIds = $state.raw<number[]>([])
  #segmentIds = $state.raw<number[]>([])
  #audience = $state<number | null>(null)
  #errors = $state<Record<string, string>>({})
  #notice = $state<string | null>(null)
  #saved = $state(false)
  #saving = $state(false)
  #contactHits = $state.raw<ContactHit[]>([])
  /** Names of chosen contacts, for the chips (ids alone mean nothing to the user). */
  #contactNames = $state<Record<number, string>>({})
  #seq = 0
  #searchSeq = 0
  readonly #channels: ChannelsState

  constructor(channels: ChannelsState) {
    this.#channels = channels
  }

  get editingId(): number | null {
    return this.#editingId
  }
  get contactIds(): number[] {
    return this.#contactIds
  }
  get listIds(): number[] {
    return this.#listIds
  }
  get segmentIds(): number[] {
    return this.#segmentIds
  }
  get channels(): ChannelItem[] {
    return this.#channels.items
  }
  /** Unique recipients in the local copy, blacklisted excluded; null while counting. */
  get audience(): number | null {
    return this.#audience
  }
  /**
   * The problems the last save attempt pointed out, as they stand now: each goes as soon as
   * its field is put right (fields it did not point out wait for the next save).
   */
  get errors(): Record<string, string> {
    const now = this.#problems()
    return Object.fromEntries(Object.keys(this.#errors).flatMap((field) => (now[field] ? [[field, now[field]]] : [])))
  }
  get notice(): string | null {
    return this.#notice
  }
  /** The notice says the draft was saved (not an error). */
  get saved(): boolean {
    return this.#saved && this.#notice !== null
  }
  get saving(): boolean {
    return this.#saving
  }
  get contactHits(): ContactHit[] {
    return this.#contactHits
  }
  contactName(id: number): string {
    return this.#contactNames[id] ?? m.delivery_contact_id({ id })
  }

  /** Contacts to add one by one, found by name, phone or email (blacklisted ones are not offered). */
  async findContacts(query: string): Promise<void> {
    const seq = ++this.#searchSeq
    if (query.trim() === '') {
      this.#contactHits = []
      return
    }
    const { contacts } = await call('search', { query, limit: 8 })
    if (seq === this.#searchSeq) this.#contactHits = contacts.filter((c) => !c.blacklisted)
  }

  addContact(hit: ContactHit): void {
    this.#contactNames[hit.id] = hit.name
    this.#contactHits = []
    this.toggle('contact', hit.id, true)
  }

  /** Campaigns are sent through a channel with a server id (the API's channel_id). */
  get usableChannels(): ChannelItem[] {
    return this.#channels.items.filter((c) => c.serverId !== null)
  }

  async loadChannels(): Promise<void> {
    try {
      await this.#channels.load()
      if (this.channelId === null) this.channelId = this.#defaultChannel()
    } catch (error) {
      this.#notice = messageOf(error)
      this.#saved = false
    }
  }

  /** A connected channel first: a campaign through a disconnected one would not go out. */
  #defaultChannel(): number | null {
    return this.usableChannels.find((c) => c.isConnected)?.serverId ?? this.usableChannels[0]?.serverId ?? null
  }

  start(campaign?: CampaignDetail): void {
    this.#editingId = campaign?.id ?? null
    this.name = campaign?.name ?? ''
    this.message = campaign?.message ?? ''
    this.isNewNumber = campaign?.isNewNumber ?? false
    // Its own channel; by type for a copy that knows no channel id; else the default.
    const channel = campaign
      ? (this.usableChannels.find((c) => c.serverId === campaign.channelId) ?? this.usableChannels.find((c) => c.type === campaign.channelType))
      : undefined
    this.channelId = channel?.serverId ?? this.#defaultChannel()
    // Chosen earlier: named from the core's copy, so the chips are people, not ids.
    this.#contactNames = Object.fromEntries((campaign?.contacts ?? []).map((c) => [c.id, c.name]))
    this.#contactIds = campaign?.contactIds ?? []
    this.#listIds = campaign?.listIds ?? []
    this.#segmentIds = campaign?.segmentIds ?? []
    this.#errors = {}
    this.#notice = null
    this.#saved = false
    void this.countAudience()
  }

  toggle(kind: 'list' | 'segment' | 'contact', id: number, on: boolean): void {
    const change = (ids: number[]) => (on ? [...new Set([...ids, id])] : ids.filter((x) => x !== id))
    if (kind === 'list') this.#listIds = change(this.#listIds)
    else if (kind === 'segment') this.#segmentIds = change(this.#segmentIds)
    else this.#contactIds = change(this.#contactIds)
    void this.countAudience()
  }

  async countAudience(): Promise<void> {
    const seq = ++this.#seq
    this.#audience = null
    try {
      const { count } = await call('audience-count', { contactIds: this.#contactIds, listIds: this.#listIds, segmentIds: this.#segmentIds })
      if (seq === this.#seq) this.#audience = count
    } catch {
      if (seq === this.#seq) this.#audience = 0
    }
  }

  #problems(): Record<string, string> {
    const errors: Record<string, string> = {}
    if (this.name.trim() === '') errors.name = m.editor_need_name()
    if (this.channelId === null) errors.channel = m.editor_need_channel()
    if (this.message.trim() === '') errors.message = m.editor_need_message()
    if (this.#contactIds.length + this.#listIds.length + this.#segmentIds.length === 0) errors.audience = m.editor_need_audience()
    return errors
  }

  validate(): boolean {
    this.#errors = this.#problems()
    return Object.keys(this.#errors).length === 0
  }

  /** Saves the draft (queued; works offline). Returns the campaign's id, local until SkyLight gives one. */
  async save(): Promise<number | null> {
    if (!this.validate() || this.#saving || this.channelId === null) return null
    this.#saving = true
    const fields = {
      name: this.name.trim(),
      channelId: this.channelId,
      message: this.message.trim(),
      contactIds: this.#contactIds,
      listIds: this.#listIds,
      segmentIds: this.#segmentIds,
      isNewNumber: this.isNewNumber,
    }
    try {
      if (this.#editingId === null) {
        const { localId } = await act('campaign-create', fields)
        this.#editingId = typeof localId === 'number' ? localId : null
      } else {
        await act('campaign-update', { id: this.#editingId, changes: fields })
      }
      this.#notice = m.editor_saved()
      this.#saved = true
      return this.#editingId
    } catch (error) {
      this.#notice = messageOf(error, m.editor_save_failed())
      this.#saved = false
      return null
    } finally {
      this.#saving = false
    }
  }
}
