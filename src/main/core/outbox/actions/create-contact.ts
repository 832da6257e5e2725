// Create a contact. Until SkyLight answers it has a local (negative) id; actions queued for
// it meanwhile wait, and are rewritten with the server's id. POST without idempotency key:
// an unknown outcome is settled by searching for the phone (or name and email).
import { checkPlanLimit } from '../../plan-limits'
import { z } from 'zod'
import { contact } from '../../skylight/resources/contacts'
import { insertLocalContact, rekeyContact, releaseProvisionalTags, removeRow, setContactTag } from '../../store'
import { findCreatedContact, newestContactLike } from '../reconcile'
import { contactChanges, contactFields } from './contact-fields'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { t } from '../../language'

const schema = contactFields.extend({
  localId: z.number().int().negative(),
  tags: z.array(z.string().trim().min(1).max(100)).default([]),
})
export type CreateContactPayload = z.output<typeof schema>

export const createContactAction: ActionDef<CreateContactPayload> = {
  kind: 'create-contact',
  payload: { current: 1, schema },
  lane: (p) => `contact:${p.localId}`,
  summary: (p) => t().summary_create_contact({ name: quote(p.name) }),
  repeatable: false,
  resources: ['contacts', 'groups'],
  contactIds: (p) => [p.localId],
  creates: { entity: 'contact', localId: (p) => p.localId },
  apply(db, p) {
    checkPlanLimit(db, 'contacts')
    insertLocalContact(db, { id: p.localId, name: p.name, phone: p.phone ?? null, email: p.email ?? null, type: p.type ?? null })
    for (const title of p.tags) setContactTag(db, p.localId, title, true)
    return p
  },
  rollback(db, p) {
    // Untagged first, so the tags' counts (and any provisional tag) are put back too.
    for (const title of p.tags) setContactTag(db, p.localId, title, false)
    removeRow(db, 'contact', p.localId)
  },
  async send(ctx, p) {
    const created = await ctx.api.contacts.create(
      { name: p.name, phone: p.phone ?? null, email: p.email ?? null, ...(p.type ? { type: p.type } : {}), ...(p.tags.length ? { tags: p.tags } : {}) },
      ctx.call,
    )
    return { serverId: created.id, record: created }
  },
  observe: (ctx, p) => newestContactLike(ctx, p),
  async reconcile(ctx, p) {
    const found = await findCreatedContact(ctx, p)
    return found ? { serverId: found.id, record: found } : null
  },
  confirm(db, p, result) {
    const created = contact.safeParse(result.record)
    if (!created.success) return
    rekeyContact(db, p.localId, created.data)
    releaseProvisionalTags(db, p.tags)
    release(db, { kind: 'contact', id: created.data.id })
  },
  edit: (p, changes) => ({ ...p, ...contactChanges.parse(changes) }),
}
