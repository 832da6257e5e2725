// Every resource the app keeps, in the order a first sync reads them (what the user sees
// first — the account, then the inbox — first). Registering a resource here is what makes
// generic code handle it: its actions are queued and carried out, its full-pass phase runs,
// and the conformance suite (test/conformance) tests it.
import { resourceNames, type ResourceName } from '../../../shared/contract/resources'
import type { AnyActionDef } from '../outbox/actions/define'
import { accountResource } from './account'
import { bookingsResource } from './bookings'
import { aiAgentsResource } from './ai-agents'
import { campaignsResource } from './campaigns'
import { contactsResource } from './contacts'
import { conversationsResource } from './conversations'
import type { ResourceDescriptor } from './define'
import { groupsResource } from './groups'
import { knowledgeBaseResource } from './knowledge-base'
import { mediaResource } from './media'
import { messagesResource } from './messages'
import { teamResource } from './team'
import { webhooksResource } from './webhooks'
import { ticketsResource } from './tickets'
import { webChatResource } from './web-chat'
import { voiceResource } from './voice'

export const resources: readonly ResourceDescriptor[] = [
  accountResource,
  conversationsResource,
  messagesResource,
  contactsResource,
  groupsResource,
  mediaResource,
  campaignsResource,
  teamResource,
  webhooksResource,
  ticketsResource,
  bookingsResource,
  webChatResource,
  aiAgentsResource,
  knowledgeBaseResource,
  voiceResource,
]

export function resource(name: ResourceName): ResourceDescriptor {
  const found = resources.find((r) => r.name === name)
  if (!found) throw new Error(`No resource named ${name} is registered.`)
  return found
}

/** Every kind of outbox action, by the name stored in the queue. */
export const actionDefs: ReadonlyMap<string, AnyActionDef> = byKind(resources.flatMap((r) => r.actions))

function byKind(defs: readonly AnyActionDef[]): ReadonlyMap<string, AnyActionDef> {
  const map = new Map<string, AnyActionDef>()
  for (const def of defs) {
    // Two kinds of one name would run each other's payloads: refuse at start, not at run time.
    if (map.has(def.kind)) throw new Error(`Two outbox actions are named ${def.kind}.`)
    map.set(def.kind, def)
  }
  return map
}

// The contract's names and the registry must agree both ways; checked once at load.
for (const name of resourceNames) resource(name)
if (resources.length !== resourceNames.length) throw new Error('A registered resource is missing from the contract’s resourceNames.')
