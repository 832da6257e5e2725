// The plan's limits on a real store file: adding a contact, a campaign, a media file or a
// team member past the plan's maximum is refused when it is queued (the action's local
// phase), with the plan's own number; under the limit, or with no limit read yet, it goes.
import { describe, expect, it } from 'vitest'
import { createCampaignAction } from '../../src/main/core/outbox/actions/create-campaign'
import { createContactAction } from '../../src/main/core/outbox/actions/create-contact'
import { createTeamMemberAction } from '../../src/main/core/outbox/actions/create-team-member'
import { checkPlanLimit, PlanLimitError } from '../../src/main/core/plan-limits'
import { account as accountSchema, subscription as subscriptionSchema } from '../../src/main/core/skylight/resources/account'
import { replaceTeam, saveAccount, saveSubscription, upsertContacts } from '../../src/main/core/store'
import { teamMember } from '../../src/main/core/skylight/resources/team'
import { apiContact, openTempStore } from './store/helpers'

function storeWithPlan(limits: Record<string, { max: number | null; used: number }>) {
  const store = openTempStore()
  saveAccount(store.db, accountSchema.parse({ id: 1, company_name: 'Nakheel' }))
  saveSubscription(store.db, subscriptionSchema.parse({ plan: { id: 3, name: 'Business', slug: 'business' }, status: 'active', limits }))
  return store
}

describe('the plan’s limits', () => {
  it('refuse a new contact over the plan with its number, counting rows queued offline', () => {
    const store = storeWithPlan({ contacts: { max: 3, used: 1 } })
    upsertContacts(store.db, [1, 2].map((id) => apiContact({ id, name: `C${id}`, type: 'whatsapp' })))
    const apply = (localId: number) =>
      createContactAction.apply(store.db, createContactAction.payload.schema.parse({ localId, name: 'New', phone: '+966500000001', type: 'whatsapp' }), { hold: false })
    apply(-1)
    expect(() => apply(-2)).toThrow(PlanLimitError)
    expect(() => apply(-2)).toThrow('Your Business plan allows 3 contacts and 3 are in use.')
  })

  it('refuse a campaign, a media file and a team member the same way', () => {
    const store = storeWithPlan({ campaigns: { max: 0, used: 0 }, media_files: { max: 5, used: 5 }, team_members: { max: 1, used: 0 } })
    const campaign = createCampaignAction.payload.schema.parse({ localId: -1, name: 'X', message: 'Hi', channel_id: 1, contact_ids: [1] })
    expect(() => createCampaignAction.apply(store.db, campaign, { hold: false })).toThrow(/allows 0 campaigns/)
    expect(() => checkPlanLimit(store.db, 'media_files')).toThrow(/allows 5 media files and 5 are in use/)
    replaceTeam(store.db, [teamMember.parse({ id: 9, name: 'Owner', email: 'o@x.sa', role: 'admin' })])
    const member = createTeamMemberAction.payload.schema.parse({ localId: -1, name: 'Agent', email: 'a@x.sa', role: 'agent', passwordRef: 'ref' })
    const refused = (() => {
      try {
        createTeamMemberAction.apply(store.db, member, { hold: false })
      } catch (error) {
        return error
      }
    })()
    expect(refused).toMatchObject({ type: 'forbidden', limit: 'team_members', max: 1, message: expect.stringContaining('allows 1 team member and 1 is in use') })
  })

  it('let everything through when the plan is unlimited or not read yet', () => {
    expect(() => checkPlanLimit(storeWithPlan({ contacts: { max: null, used: 99 } }).db, 'contacts')).not.toThrow()
    expect(() => checkPlanLimit(openTempStore().db, 'team_members')).not.toThrow()
  })
})
