// The one vocabulary of what the views show: the core names these in `data-changed` (and on
// each outbox action), and the renderer routes refreshes by them. A name is added here when a
// resource is registered in the core (src/main/core/resources/registry.ts); the renderer's
// routing table is typed over this list, so a new name does not compile until it is routed.
import { z } from 'zod'

export const resourceNames = [
  'account',
  'conversations',
  'messages',
  'contacts',
  'groups',
  'media',
  'campaigns',
  'team',
  'webhooks',
  'tickets',
  'bookings',
  'webChat',
  'ai-agents',
  'knowledge-base',
  'voice',
] as const
export const resourceName = z.enum(resourceNames)
export type ResourceName = (typeof resourceNames)[number]
