// Message histories for a sample of contacts, ending at or before the seed's base date.
import type { DataSize } from '../options'
import type { AccountStore } from './account-store'
import type { MessageRec } from './model'
import type { Prng } from './prng'
import { messageText } from './message-text'
import { DAY, MINUTE } from './time'
import type { World } from './world'

export function generateHistories(world: World, store: AccountStore, random: Prng, size: DataSize, base: number): Map<number, MessageRec[]> {
  const histories = new Map<number, MessageRec[]>()
  const chosen = random.sample(store.contactIds, size.conversations).sort((a, b) => a - b)
  const maxPerConversation = Math.max(1, size.messagesPerConversation * 2 - 1)
  const long = new Set(chosen.slice(0, size.longThreads ?? 0))
  for (const contactId of chosen) {
    const contact = store.contacts.get(contactId)
    if (!contact) continue
    // A long thread is a busy customer's: ten times the average, written to in the last minutes.
    const isLong = long.has(contactId)
    const count = isLong ? size.messagesPerConversation * 10 : random.int(1, maxPerConversation)
    // Walk backwards from the last message so every history ends before the base date.
    const times: number[] = []
    let at = base - random.int(0, isLong ? 10 : 60 * 24 * 60) * MINUTE
    for (let i = 0; i < count; i++) {
      times.push(Math.max(at, contact.createdAt + MINUTE))
      at -= random.int(1, isLong ? 120 : 600) * MINUTE
    }
    times.reverse()
    const history: MessageRec[] = []
    let direction: MessageRec['direction'] = 'inbound'
    times.forEach((createdAt, i) => {
      if (i > 0 && random.chance(0.6)) direction = direction === 'inbound' ? 'outbound' : 'inbound'
      const isLast = i === times.length - 1
      const status: MessageRec['status'] =
        direction === 'inbound' ? 'delivered'
          : random.chance(0.03) ? 'failed'
            : isLast && createdAt > base - DAY ? random.pick(['sent', 'delivered'] as const)
              : 'read'
      history.push({
        id: world.ids.next('message'),
        contactId,
        direction,
        channel: contact.type,
        content: messageText(random),
        status,
        sentAt: status === 'failed' ? null : createdAt,
        createdAt,
        error: status === 'failed' ? `No ${contact.type} channel connected.` : null,
      })
    })
    histories.set(contactId, history)
  }
  return histories
}
