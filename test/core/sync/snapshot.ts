// The same account seen two ways, in one comparable shape: the sandbox's state dump (the
// truth) and the local store after sync. Notes are left out: they are fetched when a
// contact is opened, not by sync (10k contacts would cost 10k requests).
import type Database from 'better-sqlite3'

type Row = Record<string, unknown>
const byId = <T extends Row>(rows: T[], key = 'id') => [...rows].sort((a, b) => Number(a[key]) - Number(b[key]))
const sorted = (values: unknown[]) => [...values].sort()

export function serverSnapshot(dump: any) {
  return {
    account: { id: dump.account.id },
    team: byId((dump.team ?? []).map((m: Row) => ({ id: m.id, name: m.name, email: m.email, role: m.role, status: m.status }))),
    webhooks: byId((dump.webhooks ?? []).map((w: Row) => ({ id: w.id, name: w.name, url: w.url, events: w.events, is_active: w.is_active }))),
    channels: byId(dump.channels.map((c: Row) => ({ id: c.id, type: c.type, is_connected: c.is_connected }))),
    contacts: byId(
      dump.contacts.map((c: any) => ({
        id: c.id,
        name: c.name,
        email: c.email ?? null,
        phone: c.phone ?? null,
        type: c.type ?? null,
        blacklisted: c.blacklisted,
        tags: sorted(c.tags),
      })),
    ),
    tags: byId(dump.tags.map((t: Row) => ({ id: t.id, title: t.title }))),
    lists: byId(dump.lists.map((l: any) => ({ id: l.id, name: l.name, members: sorted(l.member_ids) }))),
    segments: byId(dump.segments.map((s: any) => ({ id: s.id, name: s.name, members: sorted(s.member_ids) }))),
    conversations: byId(
      dump.conversations.map((c: Row) => ({
        contact_id: c.contact_id,
        last_message: c.last_message,
        last_message_at: c.last_message_at,
        unread_count: c.unread_count,
      })),
      'contact_id',
    ),
    messages: Object.entries(dump.messages as Record<string, Row[]>)
      .filter(([, list]) => list.length > 0)
      .map(([contactId, list]) => ({
        contactId: Number(contactId),
        messages: byId(list.map((m) => ({ id: m.id, direction: m.direction, content: m.content, status: m.status }))),
      }))
      .sort((a, b) => a.contactId - b.contactId),
    media: byId(dump.media.map((m: Row) => ({ id: m.id, name: m.name, original_name: m.original_name, file_size: m.file_size }))),
    campaigns: byId(
      dump.campaigns.map((c: any) => ({
        id: c.id,
        name: c.name,
        status: c.status,
        success_count: c.success_count,
        deliveries: byId(c.contacts.map((d: Row) => ({ contact_id: d.contact_id, status: d.status })), 'contact_id'),
      })),
    ),
    departments: dump.departments.map((d: Row) => ({ id: d.id, title: d.title })),
    bookingTypes: byId(dump.booking_types.map((t: Row) => ({ id: t.id, name: t.name, duration: t.duration_minutes }))),
    bookingResources: byId(dump.booking_resources.map((r: Row) => ({ id: r.id, name: r.name }))),
    bookings: byId(dump.bookings.map((b: Row) => ({ id: b.id, contact_id: b.contact_id, starts: Date.parse(String(b.starts_at)), status: b.status }))),
    webChat: dump.web_chat_sessions.map((s: any) => ({
      session_id: s.session_id,
      status: s.status,
      handled_by: s.handled_by,
      messages: byId(s.messages.map((m: any) => ({ id: m.id, text: m.message }))),
    })),
    tickets: byId(
      dump.tickets.map((t: any) => ({
        id: t.id,
        reference: t.ticket_id,
        subject: t.subject,
        status: t.status,
        priority: t.priority,
        department_id: t.department?.id ?? null,
        replies: byId(t.replies.map((r: any) => ({ id: r.id, message: r.message, from_support: r.is_admin }))),
      })),
    ),
    ai_agents: byId(
      (dump.ai_agents ?? []).map((a: any) => ({
        id: a.id,
        name: a.name,
        system_prompt: a.system_prompt,
        response_guidelines: a.response_guidelines,
        is_active: a.is_active,
        is_default: a.is_default,
      })),
    ),
    knowledge_base: byId(
      (dump.knowledge_base ?? []).map((e: any) => ({
        id: e.id,
        title: e.title,
        type: e.type,
        status: e.status,
        products: sorted(e.products.map((p: Row) => p.name)),
      })),
    ),
    voice: dump.voice
      ? { enabled: dump.voice.enabled, has_cloned_voice: dump.voice.has_cloned_voice, voice_name: dump.voice.voice_name, dialect: dump.voice.dialect, language: dump.voice.language }
      : null,
  }
}

export function localSnapshot(db: Database.Database) {
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as any[]
  const tagsOf = new Map<number, string[]>()
  for (const t of all('SELECT contact_id, title FROM contact_tags')) tagsOf.set(t.contact_id, [...(tagsOf.get(t.contact_id) ?? []), t.title])
  const membersOf = (table: string, key: string, id: number) =>
    sorted(all(`SELECT contact_id FROM ${table} WHERE ${key} = ?`, id).map((r) => r.contact_id))
  const messagesByContact = new Map<number, Row[]>()
  for (const m of all('SELECT server_id, contact_id, direction, content, status FROM messages WHERE server_id IS NOT NULL')) {
    const list = messagesByContact.get(m.contact_id) ?? []
    list.push({ id: m.server_id, direction: m.direction, content: m.content, status: m.status })
    messagesByContact.set(m.contact_id, list)
  }
  return {
    account: { id: all('SELECT id FROM account')[0]?.id },
    team: byId(all('SELECT id, name, email, role, status FROM team_members')),
    webhooks: byId(all('SELECT id, name, url, events, is_active FROM webhooks').map((w) => ({ ...w, events: JSON.parse(w.events), is_active: Boolean(w.is_active) }))),
    channels: byId(all('SELECT server_id AS id, type, is_connected FROM channels').map((c) => ({ ...c, is_connected: Boolean(c.is_connected) }))),
    contacts: byId(
      all('SELECT id, name, email, phone, type, blacklisted FROM contacts').map((c) => ({
        ...c,
        blacklisted: Boolean(c.blacklisted),
        tags: sorted(tagsOf.get(c.id) ?? []),
      })),
    ),
    tags: byId(all('SELECT id, title FROM tags')),
    lists: byId(all('SELECT id, name FROM lists').map((l) => ({ ...l, members: membersOf('list_members', 'list_id', l.id) }))),
    segments: byId(
      all('SELECT id, name FROM segments').map((s) => ({ ...s, members: membersOf('segment_members', 'segment_id', s.id) })),
    ),
    conversations: byId(all('SELECT contact_id, last_message, last_message_at, unread_count FROM conversations'), 'contact_id'),
    messages: [...messagesByContact]
      .map(([contactId, messages]) => ({ contactId, messages: byId(messages) }))
      .sort((a, b) => a.contactId - b.contactId),
    media: byId(all('SELECT id, name, original_name, file_size FROM media')),
    campaigns: byId(
      all('SELECT id, name, status, success_count FROM campaigns').map((c) => ({
        ...c,
        deliveries: byId(all('SELECT contact_id, status FROM campaign_contacts WHERE campaign_id = ?', c.id), 'contact_id'),
      })),
    ),
    departments: all('SELECT id, title FROM ticket_departments ORDER BY position'),
    bookingTypes: byId(all('SELECT id, name, duration_minutes AS duration FROM booking_types')),
    bookingResources: byId(all('SELECT id, name FROM booking_resources')),
    bookings: byId(all('SELECT id, contact_id, starts_at_ms AS starts, status FROM bookings')),
    webChat: all('SELECT session_id, status, handled_by FROM web_chat_sessions ORDER BY session_id').map((s) => ({
      ...s,
      messages: byId(all('SELECT server_id AS id, text FROM web_chat_messages WHERE session_id = ? AND server_id IS NOT NULL', s.session_id)),
    })),
    tickets: byId(
      all('SELECT id, reference, subject, status, priority, department_id FROM tickets').map((t) => ({
        ...t,
        replies: byId(
          all('SELECT server_id AS id, message, from_support FROM ticket_replies WHERE ticket_id = ? AND server_id IS NOT NULL', t.id).map((r) => ({
            ...r,
            from_support: Boolean(r.from_support),
          })),
        ),
      })),
    ),
    ai_agents: byId(
      all('SELECT id, name, system_prompt, response_guidelines, is_active, is_default FROM ai_agents').map((a) => ({
        ...a,
        response_guidelines: JSON.parse(a.response_guidelines),
        is_active: Boolean(a.is_active),
        is_default: Boolean(a.is_default),
      })),
    ),
    knowledge_base: byId(
      all('SELECT id, title, type, status FROM kb_entries').map((e) => ({
        ...e,
        products: sorted(all('SELECT name FROM kb_products WHERE entry_id = ?', e.id).map((p) => p.name)),
      })),
    ),
    voice: all('SELECT enabled, has_cloned_voice, voice_name, dialect, language FROM voice_settings').map((v) => ({
      ...v,
      enabled: Boolean(v.enabled),
      has_cloned_voice: Boolean(v.has_cloned_voice),
    }))[0] ?? null,
  }
}

/** Message ids stored twice would show as duplicates here; the unique index forbids it, this checks it. */
export function duplicateMessages(db: Database.Database): number {
  return (db.prepare('SELECT count(*) - count(DISTINCT server_id) AS n FROM messages WHERE server_id IS NOT NULL').get() as { n: number }).n
}
