// Adding a contact to, or removing it from, a list or segment: four actions of one shape.
// Membership is a set, so each is repeatable; removing one that is gone is done.
import { z } from 'zod'
import { setMembership } from '../../store'
import type { ActionDef } from './define'
import { gone, hold, release } from './hold'
import { t } from '../../language'

export type MembershipPayload = { contactId: number; groupId: number; changed: boolean }

export function membershipAction(group: 'list' | 'segment', member: boolean): ActionDef<MembershipPayload> {
  const schema = z.object({ contactId: z.number().int(), groupId: z.number().int(), changed: z.boolean().default(false) })
  return {
    kind: `${member ? 'add-to' : 'remove-from'}-${group}`,
    payload: { current: 1, schema },
    lane: (p) => `contact:${p.contactId}`,
    summary: (p, names) => {
      const words = { contact: names('contact', p.contactId), group: names(group, p.groupId) }
      return member ? t().summary_add_to_group(words) : t().summary_remove_from_group(words)
    },
    repeatable: true,
    resources: ['contacts', 'groups'],
    contactIds: (p) => [p.contactId],
    apply(db, p) {
      const changed = setMembership(db, group, p.groupId, p.contactId, member)
      hold(db, { kind: 'contact', id: p.contactId })
      return { ...p, changed }
    },
    rollback(db, p) {
      if (p.changed) setMembership(db, group, p.groupId, p.contactId, !member)
      release(db, { kind: 'contact', id: p.contactId })
    },
    async send(ctx, p) {
      const contacts = ctx.api.contacts
      if (group === 'list') {
        await (member ? contacts.addToList(p.contactId, p.groupId, ctx.call) : gone(contacts.removeFromList(p.contactId, p.groupId, ctx.call)))
      } else {
        await (member
          ? contacts.addToSegment(p.contactId, p.groupId, ctx.call)
          : gone(contacts.removeFromSegment(p.contactId, p.groupId, ctx.call)))
      }
      return {}
    },
    confirm(db, p) {
      release(db, { kind: 'contact', id: p.contactId })
    },
  }
}
