// JSON shapes of the team, webhooks and their deliveries, as the docs' Team and Webhooks
// API pages show them. A webhook's secret appears only where the caller asks for it
// (create, regenerate-secret).
import type { DeliveryRec, TeamMemberRec, WebhookRec } from './admin-model'
import { iso } from './time'

export function teamMemberJson(m: TeamMemberRec) {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    role: m.role,
    status: m.status,
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
  }
}

export function webhookJson(w: WebhookRec) {
  return {
    id: w.id,
    name: w.name,
    url: w.url,
    events: [...w.events],
    is_active: w.isActive,
    delivery_logs_count: w.deliveries.length,
    created_at: iso(w.createdAt),
    updated_at: iso(w.updatedAt),
  }
}

export function deliveryJson(d: DeliveryRec) {
  return {
    id: d.id,
    event: d.event,
    response_status: d.responseStatus,
    duration_ms: d.durationMs,
    success: d.success,
    payload: d.payload,
    created_at: iso(d.createdAt),
  }
}
