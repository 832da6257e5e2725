// The outbox of one account: the user's outgoing actions, each written to the store with
// its optimistic local change in one transaction, then carried out exactly once when
// SkyLight can be reached. See runner.ts (what runs when), attempt.ts (one attempt),
// actions/ (one file per kind) and manage.ts (retry, edit, discard).
import type { ResourceName } from '../../../shared/contract/resources'
import type { AccountSecretName } from '../secrets/account-secrets'
import type { SkyLightApi } from '../skylight'
import { getContact, nextLocalId, tagTitle, type StoreDb } from '../store'
import { t } from '../language'
import { actionDefs } from './actions'
import type { ActionDef, AnyActionDef, Names, RemoteResult } from './actions/define'
import type { CampaignChanges, CampaignFields } from './actions/campaign-fields'
import type { ContactChanges, ContactFields } from './actions/contact-fields'
import { attempt, diskFullError } from './attempt'
import { enqueue } from './enqueue'
import { discardAction, editAction, markSent, OutboxActionError, retryAction } from './manage'
import { countActions, getAction, listActions, pruneFinished, updateAction, type ActionRow } from './queue-store'
import { Runner } from './runner'
import { stageUpload, sweepStaging, unstage } from './staging'
import { DEFAULT_OUTBOX_TIMINGS, type ActionState, type OutboxAction, type OutboxCounts, type OutboxEvent, type OutboxTimings } from './types'
import { namesIn } from './names'
import { toView } from './view'

export interface OutboxOptions {
  api: SkyLightApi
  db: StoreDb
  /** Where files queued for upload are copied (inside the app's data folder). */
  stagingDir: string
  /** The account's secrets (the voice-provider key), read at send time; none when absent. */
  secret?: (name: AccountSecretName) => Promise<string | null>
  onEvent: (event: OutboxEvent) => void
  /** Failures no user can act on (a rollback that threw), for the app's redacting log. */
  onError?: (error: unknown) => void
  timings?: Partial<OutboxTimings>
  now?: () => number
  random?: () => number
}

export class Outbox {
  readonly #db: StoreDb
  readonly #stagingDir: string
  readonly #secret: (name: AccountSecretName) => Promise<string | null>
  readonly #emit: (event: OutboxEvent) => void
  readonly #onError: (error: unknown) => void
  readonly #timings: OutboxTimings
  readonly #now: () => number
  readonly #random: () => number
  readonly #defs: ReadonlyMap<string, AnyActionDef> = actionDefs
  readonly #controller = new AbortController()
  readonly #runner: Runner
  readonly #progress = new Map<number, { sent: number; total: number; at: number }>()
  /** Actions whose last attempt met a full disk, with SkyLight's answer if it had one, until the next attempt. */
  readonly #diskFull = new Map<number, RemoteResult | null>()
  #api: SkyLightApi

  constructor(options: OutboxOptions) {
    this.#api = options.api
    this.#db = options.db
    this.#stagingDir = options.stagingDir
    this.#secret = options.secret ?? (async () => null)
    this.#emit = options.onEvent
    this.#onError = options.onError ?? (() => {})
    this.#timings = { ...DEFAULT_OUTBOX_TIMINGS, ...options.timings }
    this.#now = options.now ?? Date.now
    this.#random = options.random ?? Math.random
    this.#runner = new Runner({
      db: this.#db,
      concurrency: () => this.#timings.concurrency,
      now: this.#now,
      run: (row) => attempt(this.#attemptDeps(), row),
      diskFullRetryMs: () => this.#timings.diskFullRetryMs,
      onKeyRejected: () => this.#emit({ type: 'key-rejected' }),
      onError: this.#onError,
    })
  }

  // ── life cycle ──

  /** Reconciles what a crash left in flight, then runs whenever there is work. Returns at once. */
  start(): void {
    pruneFinished(this.#db, this.#now() - this.#timings.keepFinishedMs)
    const staged = listActions(this.#db, ['queued', 'in-flight', 'failed']).map((row) => (row.payload as { stagingPath?: unknown }).stagingPath)
    void sweepStaging(this.#stagingDir, new Set(staged.filter((path): path is string => typeof path === 'string')))
    this.#runner.start()
    this.#emitCounts()
  }

  /** Aborts requests in flight (they are reconciled next start) and waits for them to settle. */
  async stop(): Promise<void> {
    this.#controller.abort()
    await this.#runner.stop()
  }

  /** The network came back or the machine woke: actions waiting out a backoff try now. */
  nudge(): void {
    for (const row of listActions(this.#db, ['queued'])) {
      if (row.nextAttemptAt > this.#now()) updateAction(this.#db, row.id, { nextAttemptAt: 0 }, this.#now())
    }
    this.#runner.pump()
  }

  /** SkyLight rejected the key: nothing is sent until resumeAfterKey(). */
  pauseForKey(): void {
    this.#runner.pause()
  }

  /** The key was replaced (pass the client made with the new key). */
  resumeAfterKey(api?: SkyLightApi): void {
    if (api) this.#api = api
    this.#runner.resume()
  }

  /** Where files queued for upload are copied (staging.ts); any action's `stagingPath` lives here. */
  get stagingDir(): string {
    return this.#stagingDir
  }

  get keyRejected(): boolean {
    return this.#runner.paused
  }

  /**
   * Queues an action of any registered kind (resources/registry.ts) from the user's input; an
   * action that creates a row gets its local id here. The way in for a resource's actions.
   */
  queue(kind: string, input: Record<string, unknown>): { actionId: number; localId?: number } {
    const def = this.#defs.get(kind)
    if (!def) throw new OutboxActionError(`SkyLight Desk has no action named “${kind}”.`)
    const localId = def.creates ? nextLocalId(this.#db, def.creates.entity) : undefined
    const actionId = this.#enqueue(def, localId === undefined ? input : { ...input, localId })
    return { actionId, ...(localId === undefined ? {} : { localId }) }
  }

  // ── messages and media ──

  sendMessage(input: { contactId: number; text: string }): { actionId: number; localMessageId: string } {
    const actionId = this.#enqueue(this.#def('send-message'), { contactId: input.contactId, text: input.text })
    return { actionId, localMessageId: this.#payloadOf<{ localId: string }>(actionId).localId }
  }

  /** Checks type and size first (LocalFileError says what is wrong), then copies the file to staging. */
  async uploadMedia(input: { path: string; name?: string }): Promise<{ actionId: number; localMediaId: number }> {
    const staged = await stageUpload(this.#stagingDir, input.path)
    try {
      const localMediaId = nextLocalId(this.#db, 'media')
      const name = input.name?.trim()
      const actionId = this.#enqueue(this.#def('upload-media'), { localId: localMediaId, ...staged, ...(name ? { name } : {}) })
      return { actionId, localMediaId }
    } catch (error) {
      await unstage(staged.stagingPath)
      throw error
    }
  }

  renameMedia(mediaId: number, name: string): number {
    return this.#enqueue(this.#def('rename-media'), { mediaId, name })
  }

  deleteMedia(mediaId: number): number {
    return this.#enqueue(this.#def('delete-media'), { mediaId })
  }

  // ── campaigns ──

  createCampaign(input: Omit<CampaignFields, 'contact_ids' | 'list_ids' | 'segment_ids' | 'is_new_number'> & Partial<CampaignFields>) {
    const localCampaignId = nextLocalId(this.#db, 'campaign')
    const actionId = this.#enqueue(this.#def('create-campaign'), { ...input, localId: localCampaignId })
    return { actionId, localCampaignId }
  }

  /** Merged into an edit (or the creation) of the same draft that has not gone out yet. */
  updateCampaign(campaignId: number, changes: CampaignChanges): number {
    return this.#enqueue(this.#def('update-campaign'), { campaignId, changes })
  }

  deleteCampaign(campaignId: number): number {
    return this.#enqueue(this.#def('delete-campaign'), { campaignId })
  }

  campaignCommand(campaignId: number, command: 'start' | 'pause' | 'resume' | 'cancel'): number {
    return this.#enqueue(this.#def('campaign-command'), { campaignId, command })
  }

  // ── contacts ──

  createContact(input: ContactFields & { tags?: string[] }): { actionId: number; localContactId: number } {
    const localContactId = nextLocalId(this.#db, 'contact')
    const actionId = this.#enqueue(this.#def('create-contact'), { ...input, localId: localContactId })
    return { actionId, localContactId }
  }

  updateContact(contactId: number, changes: ContactChanges): number {
    return this.#enqueue(this.#def('update-contact'), { contactId, changes })
  }

  deleteContact(contactId: number): number {
    return this.#enqueue(this.#def('delete-contact'), { contactId })
  }

  addNote(contactId: number, text: string): number {
    return this.#enqueue(this.#def('add-note'), { contactId, text })
  }

  addTag(contactId: number, title: string): number {
    return this.#enqueue(this.#def('add-tag'), { contactId, title })
  }

  /** By tag id (known locally) or by title. */
  removeTag(contactId: number, tag: number | string): number {
    const title = typeof tag === 'number' ? tagTitle(this.#db, tag) : tag
    if (title === null) throw new OutboxActionError(t().outbox_tag_not_local({ tag: String(tag) }), 'not-found')
    return this.#enqueue(this.#def('remove-tag'), { contactId, title, ...(typeof tag === 'number' ? { tagId: tag } : {}) })
  }

  addToList(contactId: number, listId: number): number {
    return this.#enqueue(this.#def('add-to-list'), { contactId, groupId: listId })
  }

  removeFromList(contactId: number, listId: number): number {
    return this.#enqueue(this.#def('remove-from-list'), { contactId, groupId: listId })
  }

  addToSegment(contactId: number, segmentId: number): number {
    return this.#enqueue(this.#def('add-to-segment'), { contactId, groupId: segmentId })
  }

  removeFromSegment(contactId: number, segmentId: number): number {
    return this.#enqueue(this.#def('remove-from-segment'), { contactId, groupId: segmentId })
  }

  /** Flips the flag as the user sees it now; carried out as "set it to that" (see the action). */
  toggleBlacklist(contactId: number): number {
    const contact = getContact(this.#db, contactId)
    return this.#enqueue(this.#def('toggle-blacklist'), { contactId, blacklisted: !contact.blacklisted })
  }

  // ── for the UI ──

  list(options: { states?: readonly ActionState[] } = {}): OutboxAction[] {
    const names = namesIn(this.#db)
    return listActions(this.#db, options.states).map((row) => this.#view(row, names))
  }

  counts(): OutboxCounts {
    const counts = countActions(this.#db)
    // One whose return to the queue the full disk kept from being written waits all the same.
    for (const id of this.#diskFull.keys()) {
      if (getAction(this.#db, id)?.state !== 'in-flight') continue
      counts.inFlight--
      counts.queued++
    }
    return counts
  }

  retry(actionId: number): void {
    retryAction(this.#db, this.#defs, actionId, this.#now())
    this.#changed(actionId)
    this.#runner.pump()
  }

  /**
   * The user says a failed action was carried out on SkyLight (or the record it found is its
   * own): done, and never sent (manage.ts).
   */
  markSent(actionId: number): void {
    const { stagingPath, ...changed } = markSent(this.#db, this.#defs, actionId, this.#now())
    if (stagingPath) void unstage(stagingPath)
    this.#changed(actionId, changed)
    this.#runner.pump()
  }

  /** Corrects a queued or failed action (e.g. the message text); it is queued again. */
  edit(actionId: number, changes: unknown): void {
    editAction(this.#db, this.#defs, actionId, changes, this.#now())
    this.#changed(actionId)
    this.#runner.pump()
  }

  /** Cancels the action and undoes its local change (and cancels what waited on it). */
  discard(actionId: number): void {
    const { cancelled, stagingPaths } = discardAction(this.#db, this.#defs, actionId, this.#now())
    for (const path of stagingPaths) void unstage(path)
    for (const id of cancelled) this.#changed(id)
  }

  // ── inside ──

  #def<P>(kind: string): ActionDef<P> {
    return this.#defs.get(kind) as ActionDef<P>
  }

  #payloadOf<T>(actionId: number): T {
    return getAction(this.#db, actionId)!.payload as T
  }

  /** Writes the action and its local change in one transaction; returns the action's id. */
  #enqueue<P>(def: ActionDef<P>, input: unknown): number {
    const { id, payload } = enqueue(this.#db, this.#defs, def, input, this.#now())
    this.#changed(id, { resources: def.resources, contactIds: def.contactIds?.(payload) ?? [] })
    this.#runner.pump()
    return id
  }

  #attemptDeps() {
    return {
      api: this.#api,
      db: this.#db,
      defs: this.#defs,
      timings: this.#timings,
      stagingDir: this.#stagingDir,
      secret: this.#secret,
      now: this.#now,
      random: this.#random,
      signal: this.#controller.signal,
      onError: this.#onError,
      remember: (actionId: number, result: RemoteResult | null) => this.#diskFull.set(actionId, result),
      recall: (actionId: number) => {
        const result = this.#diskFull.get(actionId) ?? undefined
        this.#diskFull.delete(actionId)
        return result
      },
      onProgress: (actionId: number, sent: number, total: number) => this.#onProgress(actionId, sent, total),
      onUpdate: (actionId: number, changed?: { resources: readonly ResourceName[]; contactIds: number[] }) => {
        if (getAction(this.#db, actionId)?.state !== 'in-flight') this.#progress.delete(actionId)
        this.#changed(actionId, changed)
      },
    }
  }

  #onProgress(actionId: number, sent: number, total: number): void {
    const now = this.#now()
    const last = this.#progress.get(actionId)
    // Throttled: a 50 MB upload reports every 64 KB chunk.
    if (last && sent < total && now - last.at < this.#timings.progressEveryMs) return
    this.#progress.set(actionId, { sent, total, at: now })
    this.#emit({ type: 'progress', actionId, sent, total })
  }

  #changed(actionId: number, changed?: { resources: readonly ResourceName[]; contactIds: number[] }): void {
    const row = getAction(this.#db, actionId)
    if (row) this.#emit({ type: 'action', action: this.#view(row, namesIn(this.#db)) })
    if (changed) {
      this.#emit({ type: 'changed', resources: [...changed.resources], ...(changed.contactIds.length ? { contactIds: changed.contactIds } : {}) })
    }
    this.#emitCounts()
  }

  /** The action as the views show it: one that met a full disk waits, saying so, even where the disk could not record it. */
  #view(row: ActionRow, names: Names): OutboxAction {
    const view = toView(this.#defs, row, names, this.#progress.get(row.id))
    return this.#diskFull.has(row.id) ? { ...view, state: 'queued', lastError: diskFullError() } : view
  }

  #emitCounts(): void {
    this.#emit({ type: 'outbox', counts: this.counts() })
  }
}
