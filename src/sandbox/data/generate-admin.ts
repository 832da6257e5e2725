// Seeds an account's team (the plan's used seats, the owner aside) and two webhooks with a
// short delivery history, Arabic and English names mixed as elsewhere.
import type { AccountStore } from './account-store'
import { WEBHOOK_EVENTS, type DeliveryRec, type TeamMemberRec, type WebhookRec } from './admin-model'
import type { Prng } from './prng'
import { email, personName } from './text'
import { DAY, HOUR } from './time'
import type { World } from './world'

export function generateAdmin(world: World, store: AccountStore, random: Prng, base: number): void {
  for (let i = 0; i < store.limits.teamMembersUsed; i++) {
    const person = personName(random)
    const at = base - random.int(20, 300) * DAY
    const member: TeamMemberRec = {
      id: world.ids.next('teamMember'),
      name: person.name,
      email: email(random, person, 900 + i),
      role: i === 0 ? 'admin' : 'agent',
      status: i === 3 ? 'inactive' : 'active',
      createdAt: at,
      updatedAt: at,
    }
    store.team.set(member.id, member)
  }
  const specs = [
    { name: 'CRM sync', url: `https://crm.${store.profile.slug}.example/hooks/skylight`, events: [...WEBHOOK_EVENTS.contact!, 'message.received'], isActive: true },
    { name: 'تنبيهات الحجوزات', url: `https://alerts.${store.profile.slug}.example/skylight`, events: [...WEBHOOK_EVENTS.booking!], isActive: false },
  ]
  for (const spec of specs) {
    const at = base - random.int(30, 90) * DAY
    const webhook: WebhookRec = {
      id: world.ids.next('webhook'),
      ...spec,
      secret: `whsec_${random.token(64)}`,
      deliveries: [],
      createdAt: at,
      updatedAt: at,
    }
    for (let n = random.int(3, 7); n > 0; n--) webhook.deliveries.push(delivery(world, random, webhook, base - n * 5 * HOUR))
    store.webhooks.set(webhook.id, webhook)
  }
}

function delivery(world: World, random: Prng, webhook: WebhookRec, at: number): DeliveryRec {
  const ok = random.chance(0.85)
  const event = random.pick(webhook.events)
  return {
    id: world.ids.next('webhookDelivery'),
    event,
    responseStatus: ok ? 200 : random.pick([500, 502, 404]),
    durationMs: random.int(40, 900),
    success: ok,
    payload: { event, delivery_id: `seed-${random.token(12)}`, timestamp: new Date(at).toISOString(), data: {} },
    createdAt: at,
  }
}
