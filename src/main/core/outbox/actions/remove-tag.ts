// Remove a tag from a contact. The API removes by tag id; a tag known only by title (say,
// added offline) is looked up among the account's tags when the action runs.
import { z } from 'zod'
import { setContactTag } from '../../store'
import { quote, type ActionDef } from './define'
import { gone, hold, release } from './hold'
import { t } from '../../language'

const schema = z.object({
  contactId: z.number().int(),
  title: z.string().min(1),
  tagId: z.number().int().optional(),
  removed: z.boolean().default(false),
})
export type RemoveTagPayload = z.output<typeof schema>

export const removeTagAction: ActionDef<RemoveTagPayload> = {
  kind: 'remove-tag',
  payload: { current: 1, schema },
  lane: (p) => `contact:${p.contactId}`,
  summary: (p, names) => t().summary_remove_tag({ contact: names('contact', p.contactId), tag: quote(p.title) }),
  repeatable: true,
  resources: ['contacts', 'groups'],
  contactIds: (p) => [p.contactId],
  apply(db, p) {
    const removed = setContactTag(db, p.contactId, p.title, false)
    hold(db, { kind: 'contact', id: p.contactId })
    return { ...p, removed }
  },
  rollback(db, p) {
    if (p.removed) setContactTag(db, p.contactId, p.title, true)
    release(db, { kind: 'contact', id: p.contactId })
  },
  async send(ctx, p) {
    // A provisional tag (local id) is known to SkyLight by its title only.
    let tagId = p.tagId !== undefined && p.tagId > 0 ? p.tagId : undefined
    if (tagId === undefined) {
      const wanted = p.title.toLowerCase()
      tagId = (await ctx.api.tags.list(ctx.call)).items.find((t) => t.title.toLowerCase() === wanted)?.id
    }
    // A tag SkyLight does not know is on no contact: nothing to remove.
    if (tagId !== undefined) await gone(ctx.api.contacts.removeTag(p.contactId, tagId, ctx.call))
    return {}
  },
  confirm(db, p) {
    release(db, { kind: 'contact', id: p.contactId })
  },
}
