// What the user does that goes through the outbox (carried out when online, exactly once),
// and the outbox itself: what is waiting, what failed and why, with retry / edit / discard.
import { z } from 'zod'
import { actionId, entityId, method } from './define'
import { resourceName } from './resources'

const id = entityId
const text = (max: number) => z.string().trim().min(1).max(max)

export const actionStates = ['queued', 'in-flight', 'done', 'failed', 'cancelled'] as const

export const outboxAction = z.object({
  id: z.string(),
  /** e.g. send-message, upload-media, update-campaign. */
  kind: z.string(),
  /** What the views show of it: they re-read these when the action is carried out or fails. */
  resources: z.array(resourceName),
  /** A short description for the outbox panel: "Message to Noura: Your order…". */
  summary: z.string(),
  /** The fields the user may correct (outbox-edit) with their current values; null when none. */
  editable: z.record(z.string(), z.string()).nullable(),
  /** A failed action the user may mark as done (outbox-mark-done): they know it went through. */
  markable: z.boolean(),
  state: z.enum(actionStates),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z
    .object({ type: z.string(), message: z.string(), fields: z.record(z.string(), z.array(z.string())).optional() })
    .nullable(),
  progress: z.object({ sent: z.number(), total: z.number() }).nullable(),
  createdAt: z.string(),
})
export type OutboxAction = z.output<typeof outboxAction>

export const outboxCounts = z.object({ queued: z.number(), inFlight: z.number(), failed: z.number() })
export type OutboxCounts = z.output<typeof outboxCounts>

const queued = z.object({ actionId: z.string() })
const queuedWithLocalId = queued.extend({ localId: z.union([z.number(), z.string()]) })
const upload = z.object({ fileName: z.string(), ok: z.boolean(), actionId: z.string().optional(), message: z.string().optional() })

const campaignFields = {
  name: text(255),
  channelId: id,
  message: text(4096),
  contactIds: z.array(id).max(100_000),
  listIds: z.array(id).max(1000),
  segmentIds: z.array(id).max(1000),
  /** SkyLight's conservative warm-up pace for a new phone number. */
  isNewNumber: z.boolean(),
}

export const campaignInput = z.object({
  ...campaignFields,
  contactIds: campaignFields.contactIds.default([]),
  listIds: campaignFields.listIds.default([]),
  segmentIds: campaignFields.segmentIds.default([]),
  isNewNumber: campaignFields.isNewNumber.default(false),
})

/** Only what the user changed: no defaults, or an edit of the contacts would empty the lists. */
const campaignChanges = z.object(campaignFields).partial()

export const contactInput = z.object({
  name: text(255),
  phone: z.string().trim().max(32).nullable().optional(),
  email: z.string().trim().max(255).nullable().optional(),
  type: z.enum(['whatsapp', 'telegram', 'instagram']),
})

export const outboxMethods = {
  'outbox-list': method(
    z.object({ states: z.array(z.enum(actionStates)).optional() }).strict(),
    z.object({ actions: z.array(outboxAction), counts: outboxCounts }),
  ),
  'outbox-retry': method(z.object({ actionId }).strict(), z.object({})),
  /** Drops the action and rolls back what it showed (a pending message disappears). */
  'outbox-discard': method(z.object({ actionId }).strict(), z.object({})),
  /**
   * A failed action the user knows was carried out on SkyLight: done, and never sent. Its
   * local change gives way to SkyLight's copy at the next sync (or to the record it found).
   */
  'outbox-mark-done': method(z.object({ actionId }).strict(), z.object({})),
  /** New values for a queued or failed action (e.g. the text of a message that failed). */
  'outbox-edit': method(z.object({ actionId, changes: z.record(z.string(), z.unknown()) }).strict(), z.object({})),

  'message-send': method(z.object({ contactId: id, text: text(4096) }).strict(), queuedWithLocalId),
  /** Files by path (from a drop or a dialog); each is checked (type, ≤ 50 MB) before it is queued. */
  'media-upload': method(z.object({ files: z.array(z.object({ path: z.string().min(1).max(4096) })).min(1).max(100) }).strict(), z.object({ results: z.array(upload) })),
  /** The same for a page that has a file's bytes but no path (the browser test host). */
  'media-upload-data': method(
    z.object({ fileName: z.string().min(1).max(255), size: z.number().int().min(0), base64: z.string().max(72_000_000) }).strict(),
    upload,
  ),
  'media-rename': method(z.object({ id, name: text(255) }).strict(), queued),
  'media-delete': method(z.object({ id }).strict(), queued),

  'campaign-create': method(campaignInput.strict(), queuedWithLocalId),
  'campaign-update': method(z.object({ id, changes: campaignChanges.strict() }).strict(), queued),
  'campaign-delete': method(z.object({ id }).strict(), queued),
  'campaign-command': method(
    z.object({ id, command: z.enum(['start', 'pause', 'resume', 'cancel']) }).strict(),
    queued,
  ),

  'contact-create': method(contactInput.strict(), queuedWithLocalId),
  'contact-update': method(z.object({ id, changes: contactInput.partial().strict() }).strict(), queued),
  'contact-delete': method(z.object({ id }).strict(), queued),
  'contact-add-note': method(z.object({ id, text: text(4096) }).strict(), queued),
  'contact-tag': method(z.object({ id, title: text(100), add: z.boolean() }).strict(), queued),
  'contact-list': method(z.object({ id, listId: id, add: z.boolean() }).strict(), queued),
  'contact-segment': method(z.object({ id, segmentId: id, add: z.boolean() }).strict(), queued),
  /** The API only toggles; null when the contact is already as asked and nothing was queued. */
  'contact-blacklist': method(z.object({ id, blacklisted: z.boolean() }).strict(), z.object({ actionId: z.string().nullable() })),
}

export const outboxEvents = {
  'outbox-changed': z.object({ accountId: z.string(), counts: outboxCounts }),
  'outbox-action': z.object({ accountId: z.string(), action: outboxAction }),
  'outbox-progress': z.object({ accountId: z.string(), actionId: z.string(), sent: z.number(), total: z.number() }),
}
