import type { Formatter } from '../../formatter'
import type { frame as english } from '../en/frame'

export const frame: typeof english = (f: Formatter) => ({
  view_inbox: 'صندوق الوارد',
  view_contacts: 'جهات الاتصال',
  view_media: 'الوسائط',
  view_campaigns: 'الحملات',
  view_account: 'الحساب',
  view_tickets: 'الدعم',
  view_bookings: 'الحجوزات',
  view_settings: 'الإعدادات',
  view_ai_agents: 'وكلاء الذكاء الاصطناعي',
  view_knowledge_base: 'قاعدة المعرفة',
  view_voice: 'الصوت',
  sidebar_label: 'الأقسام',
  sidebar_unread: (p: { n: number }) => `${f.n(p.n)} غير مقروءة`,
  sidebar_visitors_waiting: (p: { n: number }) =>
    f.plural(p.n, {
      zero: 'لا زوار ينتظرون',
      one: 'زائر واحد للموقع ينتظر',
      two: 'زائران للموقع ينتظران',
      few: `${f.n(p.n)} زوار للموقع ينتظرون`,
      many: `${f.n(p.n)} زائرًا للموقع ينتظرون`,
      other: `${f.n(p.n)} زائر للموقع ينتظرون`,
    }),
  sidebar_outbox: 'صندوق الصادر',
  sidebar_go_to: 'انتقال إلى…',
})
