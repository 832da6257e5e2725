// The frame around every view: sidebar, status strip, outbox panel, palette, account switcher.
import type { Formatter } from '../../formatter'

export const frame = (f: Formatter) => ({
  view_inbox: 'Inbox',
  view_contacts: 'Contacts',
  view_media: 'Media',
  view_campaigns: 'Campaigns',
  view_account: 'Account',
  view_tickets: 'Support',
  view_bookings: 'Bookings',
  view_settings: 'Settings',
  view_ai_agents: 'AI agents',
  view_knowledge_base: 'Knowledge base',
  view_voice: 'Voice',
  sidebar_label: 'Views',
  sidebar_unread: (p: { n: number }) => `${f.n(p.n)} unread`,
  sidebar_visitors_waiting: (p: { n: number }) =>
    f.plural(p.n, { one: `${f.n(p.n)} website visitor waiting`, other: `${f.n(p.n)} website visitors waiting` }),
  sidebar_outbox: 'Outbox',
  sidebar_go_to: 'Go to…',
})
