// Blacklist or un-blacklist a contact. The endpoint is a toggle, so sending it twice undoes
// it: the action records the flag the user wants and reads the contact's current flag
// before toggling. That makes it safe to repeat after any unknown outcome or crash.
import { z } from 'zod'
import { patchRow } from '../../store'
import type { ActionDef } from './define'
import { hold, release } from './hold'
import { t } from '../../language'

const schema = z.object({
  contactId: z.number().int(),
  blacklisted: z.boolean(),
  previous: z.boolean().optional(),
})
export type ToggleBlacklistPayload = z.output<typeof schema>

export const toggleBlacklistAction: ActionDef<ToggleBlacklistPayload> = {
  kind: 'toggle-blacklist',
  payload: { current: 1, schema },
  lane: (p) => `contact:${p.contactId}`,
  summary: (p, names) => (p.blacklisted ? t().summary_blacklist : t().summary_unblacklist)({ contact: names('contact', p.contactId) }),
  repeatable: true,
  resources: ['contacts'],
  contactIds: (p) => [p.contactId],
  apply(db, p, { hold: holding }) {
    const before = patchRow(db, 'contact', p.contactId, { blacklisted: p.blacklisted })
    if (holding) hold(db, { kind: 'contact', id: p.contactId })
    return { ...p, previous: p.previous ?? before.blacklisted }
  },
  rollback(db, p) {
    if (p.previous !== undefined) patchRow(db, 'contact', p.contactId, { blacklisted: p.previous })
    release(db, { kind: 'contact', id: p.contactId })
  },
  async send(ctx, p) {
    const current = await ctx.api.contacts.get(p.contactId, ctx.call)
    if (current.blacklisted === p.blacklisted) return { serverId: p.contactId }
    await ctx.api.contacts.toggleBlacklist(p.contactId, ctx.call)
    return { serverId: p.contactId }
  },
  confirm(db, p) {
    release(db, { kind: 'contact', id: p.contactId })
  },
}
