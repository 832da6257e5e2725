// Tag a contact (by title; SkyLight creates a tag it does not know). Attaching a tag twice
// has no further effect, so it is repeatable.
import { z } from 'zod'
import { releaseProvisionalTags, setContactTag } from '../../store'
import { quote, type ActionDef } from './define'
import { hold, release } from './hold'
import { t } from '../../language'

const schema = z.object({
  contactId: z.number().int(),
  title: z.string().trim().min(1, 'Give the tag a name.').max(100),
  /** Whether the local phase added the title (it may have been there already). */
  added: z.boolean().default(false),
})
export type AddTagPayload = z.output<typeof schema>

export const addTagAction: ActionDef<AddTagPayload> = {
  kind: 'add-tag',
  payload: { current: 1, schema },
  lane: (p) => `contact:${p.contactId}`,
  summary: (p, names) => t().summary_add_tag({ contact: names('contact', p.contactId), tag: quote(p.title) }),
  repeatable: true,
  resources: ['contacts', 'groups'],
  contactIds: (p) => [p.contactId],
  apply(db, p) {
    hold(db, { kind: 'contact', id: p.contactId })
    const added = setContactTag(db, p.contactId, p.title, true)
    return { ...p, added }
  },
  rollback(db, p) {
    if (p.added) setContactTag(db, p.contactId, p.title, false)
    release(db, { kind: 'contact', id: p.contactId })
  },
  async send(ctx, p) {
    await ctx.api.contacts.addTag(p.contactId, { title: p.title }, ctx.call)
    return {}
  },
  confirm(db, p) {
    releaseProvisionalTags(db, [p.title])
    release(db, { kind: 'contact', id: p.contactId })
  },
}
