// What the core tells the renderer without being asked.
import { z } from 'zod'
import { accountList } from './accounts'
import { settings } from './app'
import { outboxEvents } from './outbox'
import { resourceName } from './resources'
import { syncStatus } from './sync'

export const events = {
  'accounts-changed': accountList,
  'sync-status': syncStatus,
  /** Data the views show changed in an account's store: re-ask for what is on screen. */
  'data-changed': z.object({
    accountId: z.string(),
    resources: z.array(resourceName),
    contactIds: z.array(z.number()),
  }),
  'core-error': z.object({ type: z.string(), message: z.string() }),
  /** A message from a contact arrived since the last check (for a notification). */
  'inbound-message': z.object({ accountId: z.string(), contactId: z.number(), contactName: z.string(), preview: z.string() }),
  /** A channel that was connected is not any more (seen on a refresh), for a notification. */
  'channel-dropped': z.object({ accountId: z.string(), type: z.string(), syncStatus: z.string().nullable() }),
  /** A notification a view asked for (app-notify), for the shell to show. */
  notify: z.object({ title: z.string(), body: z.string() }),
  /** Unread messages across all accounts (for the dock/taskbar badge). */
  'unread-total': z.object({ count: z.number() }),
  /** Show this conversation (the user clicked its notification). */
  'open-conversation': z.object({ accountId: z.string(), contactId: z.number() }),
  /** A knowledge-base entry finished or failed processing (for a notification). */
  'kb-processed': z.object({ accountId: z.string(), entryId: z.number(), title: z.string(), status: z.enum(['active', 'failed']), error: z.string().nullable() }),
  /** Support answered a ticket (a new reply from support, seen by sync), for a notification. */
  'ticket-answered': z.object({ accountId: z.string(), ticketId: z.number(), subject: z.string() }),
  /** A website visitor started waiting for a person (seen by sync), for a notification. */
  'web-chat-waiting': z.object({ accountId: z.string(), sessionId: z.string(), visitor: z.string().nullable() }),
  /** A visitor wrote in a session a person handles (seen by sync), for a notification. */
  'web-chat-visitor-message': z.object({ accountId: z.string(), sessionId: z.string(), visitor: z.string().nullable(), preview: z.string() }),
  /** The user's settings changed (the shell re-labels its menu when the language did). */
  'settings-changed': settings,
  ...outboxEvents,
} as const satisfies Record<string, z.ZodType>
