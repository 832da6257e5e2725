import type { Formatter } from '../../formatter'
import type { sync as english } from '../en/sync'

// The nouns are definite plurals, counted with "من" ("٣ من الوسوم"): one form for every number.
/** The lists the sync steps read, by their English names (src/main/core/sync/steps). */
const lists: Partial<Record<string, string>> = {
  tags: 'الوسوم',
  lists: 'القوائم',
  segments: 'الشرائح',
  campaigns: 'الحملات',
  conversations: 'المحادثات',
  contacts: 'جهات الاتصال',
  'media files': 'ملفات الوسائط',
  'AI agents': 'وكلاء الذكاء الاصطناعي',
  'booking types': 'أنواع الحجوزات',
  'booking resources': 'موارد الحجز',
  bookings: 'الحجوزات',
  'knowledge base entries': 'إدخالات قاعدة المعرفة',
  'team members': 'أعضاء الفريق',
  tickets: 'التذاكر',
  'ticket departments': 'أقسام التذاكر',
  'voice dialects': 'اللهجات الصوتية',
  'web chat sessions': 'جلسات دردشة الموقع',
  webhooks: 'خطافات الويب',
}

export const sync: typeof english = (f: Formatter) => ({
  sync_list_noun: (p: { noun: string }) => lists[p.noun] ?? p.noun,
  sync_noun_list_members: (p: { id: number }) => `أعضاء القائمة ${f.n(p.id, { useGrouping: false })}`,
  sync_noun_segment_members: (p: { id: number }) => `أعضاء الشريحة ${f.n(p.id, { useGrouping: false })}`,
  sync_noun_campaign_recipients: (p: { name: string }) => `مستلمي الحملة «${p.name}»`,
  sync_none_but_known: (p: { noun: string; known: number }) => `أجاب SkyLight بأنه لا يوجد شيء من ${p.noun}، مع أن ${f.n(p.known)} منها محفوظة هنا`,
  sync_short_page: (p: { page: number; last: number; noun: string; got: number; of: number }) =>
    `الصفحة ${f.n(p.page)} من ${f.n(p.last)} من ${p.noun} وصلت بـ ${f.n(p.got)} من ${f.n(p.of)}`,
  sync_short_last_page: (p: { noun: string; got: number; of: number }) => `الصفحة الأخيرة من ${p.noun} وصلت بـ ${f.n(p.got)} من ${f.n(p.of)}`,
  sync_incomplete: (p: { reason: string }) => `${p.reason}، لذا لم يُحذف شيء من هذا الحاسوب. ستُقرأ مجددًا.`,
  sync_unreadable: (p: { invalid: number; noun: string; kept: number }) =>
    `تعذّرت قراءة ${f.n(p.invalid)} من ${p.noun} في SkyLight، لذا أُبقي على ${f.n(p.kept)} من ${p.noun} لم تظهر في هذه المزامنة على هذا الحاسوب بدل حذفها. التفاصيل في السجل.`,
  sync_stopped: (p: { why: string }) => `توقفت المزامنة: ${p.why}`,
  sync_stopped_unexpectedly: (p: { why: string; seconds: number }) => `توقفت المزامنة على نحو غير متوقع${p.why ? `: ${p.why}` : ''}. ستبدأ مجددًا خلال ${f.n(p.seconds)} ث.`,
})
