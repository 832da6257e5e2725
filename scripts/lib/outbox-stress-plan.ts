// The seeded mix of actions one stress run queues, and the verdict on it read from the
// sandbox alone (its state dump and request log), never from the outbox's own records.
import type { AccountDump, RequestLogEntry } from '../../src/sandbox'

export type Planned =
  | { kind: 'send'; contact: number | 'new'; text: string }
  | { kind: 'upload'; file: string; size: number; name: string }
  | { kind: 'create-contact'; name: string; phone: string }
  | { kind: 'note'; contact: number | 'new'; text: string }
  | { kind: 'tag'; contact: number; title: string }
  | { kind: 'rename-contact'; contact: number; name: string }
  | { kind: 'toggle-blacklist'; contact: number }
  | { kind: 'create-campaign'; name: string; message: string; start: boolean }
  /** A support ticket opened and replied to before it exists on the server. */
  | { kind: 'ticket'; subject: string; reply: string }
  /** An agent's reply in a web chat session a person handles. */
  | { kind: 'web-chat-reply'; text: string }

export interface RunPlan {
  run: number
  /** Server ids of the fresh contacts made for this run. */
  contacts: number[]
  channelId: number
  /** A web chat session a person handles, stored locally as sync would have. */
  webChatSessionId?: string
  actions: Planned[]
}

export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function planRun(run: number, seed: number, contacts: number[], channelId: number, webChatSessionId?: string): RunPlan {
  const random = prng(seed * 7919 + run)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
  const actions: Planned[] = []
  const tag = `r${run}`
  const count = 6 + Math.floor(random() * 7)
  let newContact = false
  for (let i = 0; i < count; i++) {
    const roll = random()
    // The last contact is the campaigns' audience and is never blacklisted.
    const contact = pick(contacts.slice(0, -1))
    if (roll < 0.35) actions.push({ kind: 'send', contact, text: `${tag} message ${i} ✓` })
    else if (roll < 0.47) actions.push({ kind: 'upload', file: `${tag}-photo-${i}.png`, size: 200 + Math.floor(random() * 4000), name: `${tag} upload ${i}` })
    else if (roll < 0.55 && !newContact) {
      newContact = true
      actions.push({ kind: 'create-contact', name: `${tag} new contact`, phone: `+9665${String(run).padStart(8, '0')}` })
      // Actions on the contact before it exists: they wait for its server id.
      actions.push({ kind: 'send', contact: 'new', text: `${tag} hello new contact ${i}` })
      actions.push({ kind: 'note', contact: 'new', text: `${tag} note on new ${i}` })
    } else if (roll < 0.65) actions.push({ kind: 'note', contact, text: `${tag} note ${i}` })
    else if (roll < 0.72) actions.push({ kind: 'tag', contact, title: `${tag}-tag-${i}` })
    else if (roll < 0.8) actions.push({ kind: 'rename-contact', contact, name: `${tag} renamed ${i}` })
    else if (roll < 0.9) actions.push({ kind: 'toggle-blacklist', contact })
    else actions.push({ kind: 'create-campaign', name: `${tag} campaign ${i}`, message: `${tag} campaign message ${i}`, start: random() < 0.5 })
  }
  actions.push({ kind: 'ticket', subject: `${tag} ticket`, reply: `${tag} ticket reply` })
  if (webChatSessionId) actions.push({ kind: 'web-chat-reply', text: `${tag} web chat reply` })
  return { run, contacts, channelId, ...(webChatSessionId ? { webChatSessionId } : {}), actions }
}

export interface Verdict {
  actions: number
  lost: string[]
  duplicated: string[]
}

/** Carried-out requests whose answer the fault proxy replaced, which the sandbox's log cannot show. */
export interface RunContextForJudge {
  garbled: { method: string; path: string; body: unknown }[]
}

/** A second client's sends carry this in their body (the sandbox ignores it; its log keeps it). */
export const COLLEAGUE = 'colleague'
const isColleague = (b: Record<string, unknown>) => b.via === COLLEAGUE

/** Judges the run from what the server holds and what its log says it acted on. */
export function judge(plan: RunPlan, dump: AccountDump, log: RequestLogEntry[], extra: RunContextForJudge = { garbled: [] }): Verdict {
  const lost: string[] = []
  const duplicated: string[] = []
  const expectOne = (what: string, found: number, acted = found) => {
    if (found === 0) lost.push(what)
    else if (found > 1 || acted > 1) duplicated.push(`${what} ×${Math.max(found, acted)}`)
  }
  const contactsByPhone = (phone: string) => dump.contacts.filter((c) => c.phone === phone)
  const created = plan.actions.find((a): a is Extract<Planned, { kind: 'create-contact' }> => a.kind === 'create-contact')
  const newId = created ? contactsByPhone(created.phone)[0]?.id : undefined
  const contactOf = (c: number | 'new') => (c === 'new' ? newId : c)
  const acted = (method: string, path: RegExp, match: (body: Record<string, unknown>) => boolean) =>
    log.filter((e) => e.method === method && e.acted && path.test(e.path) && match((e.body ?? {}) as Record<string, unknown>))
  const actedPosts = (path: RegExp, match: (body: Record<string, unknown>) => boolean) => acted('POST', path, match).length
  // A carried-out request whose answer the client never got (cut, truncated, replaced by a
  // 502) may rightly be repeated by a repeatable action; one it did hear back from may not.
  const garbled = extra.garbled.map((g) => ({ ...g, used: false }))
  const answered = (entries: RequestLogEntry[]) =>
    entries.filter((e) => {
      if (e.outcome === 'fault:drop-after' || e.outcome === 'fault:truncate') return false
      const g = garbled.find((x) => !x.used && x.method === e.method && x.path === e.path && JSON.stringify(x.body) === JSON.stringify(e.body))
      if (g) g.used = true
      return !g
    }).length
  const colleagueSent = (contact: number | undefined, text: string) =>
    contact === undefined ? 0 : acted('POST', /\/messages\/send$/, (b) => isColleague(b) && b.contact_id === contact && b.message === text).length

  const toggles = new Map<number, number>()
  const lastName = new Map<number, string>()
  for (const a of plan.actions) {
    switch (a.kind) {
      case 'send': {
        const id = contactOf(a.contact)
        const theirs = colleagueSent(id, a.text)
        const found = id === undefined ? 0 : (dump.messages[id] ?? []).filter((m) => m.content === a.text && m.direction === 'outbound').length - theirs
        expectOne(`message “${a.text}”`, found, actedPosts(/\/messages\/send$/, (b) => b.message === a.text && !isColleague(b)))
        break
      }
      case 'upload':
        expectOne(`upload ${a.file}`, dump.media.filter((m) => m.original_name === a.file).length, actedPosts(/\/media$/, (b) => b.original_name === a.file))
        break
      case 'create-contact':
        expectOne(`contact ${a.phone}`, contactsByPhone(a.phone).length, actedPosts(/\/contacts$/, (b) => b.phone === a.phone))
        break
      case 'note': {
        const id = contactOf(a.contact)
        const notes = dump.contacts.find((c) => c.id === id)?.notes ?? []
        expectOne(`note “${a.text}”`, notes.filter((n) => n.note === a.text).length, id === undefined ? 0 : actedPosts(new RegExp(`/contacts/${id}/notes$`), (b) => b.note === a.text))
        break
      }
      case 'tag': {
        if (!dump.contacts.find((c) => c.id === a.contact)?.tags.includes(a.title)) lost.push(`tag ${a.title}`)
        const runs = answered(acted('POST', new RegExp(`/contacts/${a.contact}/tags$`), (b) => b.title === a.title))
        if (runs > 1) duplicated.push(`tag ${a.title} ×${runs}`)
        break
      }
      case 'rename-contact': {
        lastName.set(a.contact, a.name)
        const runs = answered(acted('PUT', new RegExp(`/contacts/${a.contact}$`), (b) => b.name === a.name))
        if (runs > 1) duplicated.push(`rename of contact ${a.contact} to ${a.name} ×${runs}`)
        break
      }
      case 'toggle-blacklist':
        toggles.set(a.contact, (toggles.get(a.contact) ?? 0) + 1)
        break
      case 'create-campaign': {
        const found = dump.campaigns.filter((c) => c.name === a.name)
        expectOne(`campaign ${a.name}`, found.length, actedPosts(/\/campaigns$/, (b) => b.name === a.name))
        if (a.start && found[0]?.status === 'draft') lost.push(`start of ${a.name}`)
        const starts = found[0] ? answered(acted('POST', new RegExp(`/campaigns/${found[0].id}/start$`), () => true)) : 0
        if (starts > 1) duplicated.push(`start of ${a.name} ×${starts}`)
        break
      }
      case 'ticket': {
        const found = dump.tickets.filter((t) => t.subject === a.subject)
        expectOne(`ticket ${a.subject}`, found.length, actedPosts(/\/tickets$/, (b) => b.subject === a.subject))
        const replies = found.flatMap((t) => t.replies).filter((r) => r.message === a.reply)
        expectOne(`ticket reply “${a.reply}”`, replies.length, actedPosts(/\/tickets\/\d+\/reply$/, (b) => b.message === a.reply))
        break
      }
      case 'web-chat-reply': {
        const found = dump.web_chat_sessions.flatMap((s) => s.messages).filter((m) => m.message === a.text).length
        expectOne(`web chat reply “${a.text}”`, found, actedPosts(/\/web-chat\/sessions\/[^/]+\/messages$/, (b) => b.message === a.text))
        break
      }
    }
  }
  for (const [id, name] of lastName) if (dump.contacts.find((c) => c.id === id)?.name !== name) lost.push(`rename of contact ${id} to ${name}`)
  for (const [id, n] of toggles) {
    const flag = dump.contacts.find((c) => c.id === id)?.blacklisted
    if (flag !== (n % 2 === 1)) (flag === undefined ? lost : duplicated).push(`blacklist of contact ${id} after ${n} toggles is ${String(flag)}`)
    // Each toggle flips the flag exactly once on the server: counted, not just its parity.
    const flips = acted('POST', new RegExp(`/contacts/${id}/blacklist$`), () => true).length
    if (flips > n) duplicated.push(`blacklist of contact ${id} toggled ${flips}× for ${n} toggles`)
    else if (flips < n && flag !== undefined) lost.push(`blacklist of contact ${id} toggled ${flips}× for ${n} toggles`)
  }
  return { actions: plan.actions.length, lost, duplicated }
}

/** An action that stopped to ask whether a record found on SkyLight is its own. */
export interface Asked {
  id: number
  kind: string
  contactId?: number
  /** What identifies its record: the text, file name, phone, name or subject it sent. */
  key?: unknown
}

/**
 * Did this app's own request for the action reach the server and act (per the sandbox's
 * log)? The user who looks at SkyLight and knows what they sent answers "mark as sent" when
 * it did and "send anyway" when not; every kind of action that can ask is answered here
 * (a kind left out would be sent again, and judged a duplicate, when it had gone through).
 */
export function oursActed(log: RequestLogEntry[], a: Asked): boolean {
  const posts = (path: RegExp, match: (b: Record<string, unknown>) => boolean) =>
    log.some((e) => e.method === 'POST' && e.acted && path.test(e.path) && match((e.body ?? {}) as Record<string, unknown>))
  switch (a.kind) {
    case 'send-message':
      return posts(/\/messages\/send$/, (b) => b.message === a.key && b.contact_id === a.contactId && !isColleague(b))
    case 'upload-media':
      return posts(/\/media$/, (b) => b.original_name === a.key)
    case 'add-note':
      return posts(new RegExp(`/contacts/${a.contactId}/notes$`), (b) => b.note === a.key)
    case 'create-contact':
      return posts(/\/contacts$/, (b) => b.phone === a.key || b.name === a.key)
    case 'create-campaign':
      return posts(/\/campaigns$/, (b) => b.name === a.key)
    case 'create-ticket':
      return posts(/\/tickets$/, (b) => b.subject === a.key)
    case 'reply-ticket':
      return posts(/\/tickets\/\d+\/reply$/, (b) => b.message === a.key)
    case 'web-chat-reply':
      return posts(/\/web-chat\/sessions\/[^/]+\/messages$/, (b) => b.message === a.key)
    default:
      throw new Error(`The stress harness cannot answer for a ${a.kind} action that asks whether a record is its own`)
  }
}
