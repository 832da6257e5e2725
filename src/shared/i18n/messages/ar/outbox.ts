import type { Formatter } from '../../formatter'
import type { outbox as english } from '../en/outbox'
import { characters } from './counted'

export const outbox: typeof english = (f: Formatter) => ({
  noun_contact: 'جهة الاتصال',
  noun_campaign: 'الحملة',
  noun_media: 'ملف الوسائط',
  noun_list: 'القائمة',
  noun_segment: 'الشريحة',
  noun_ai_agent: 'وكيل الذكاء الاصطناعي',
  noun_kb_entry: 'إدخال قاعدة المعرفة',
  noun_team_member: 'عضو الفريق',
  noun_webhook: 'خطاف الويب',
  summary_noun_id: (p: { noun: string; id: number }) => `${p.noun} ${f.n(p.id, { useGrouping: false })}`,
  summary_send: (p: { text: string; to: string }) => `إرسال ${p.text} إلى ${p.to}`,
  summary_add_note: (p: { text: string; to: string }) => `إضافة الملاحظة ${p.text} إلى ${p.to}`,
  summary_add_tag: (p: { contact: string; tag: string }) => `وسم ${p.contact} بـ ${p.tag}`,
  summary_remove_tag: (p: { contact: string; tag: string }) => `إزالة الوسم ${p.tag} من ${p.contact}`,
  summary_assign_agent: (p: { agent: string; to: string }) => `تعيين ${p.agent} لـ ${p.to}`,
  summary_contacts: (p: { n: number }) =>
    f.plural(p.n, {
      zero: 'لا جهات اتصال',
      one: 'جهة اتصال واحدة',
      two: 'جهتي اتصال',
      few: `${f.n(p.n)} جهات اتصال`,
      many: `${f.n(p.n)} جهة اتصال`,
      other: `${f.n(p.n)} جهة اتصال`,
    }),
  summary_start: (p: { campaign: string }) => `بدء ${p.campaign}`,
  summary_pause: (p: { campaign: string }) => `إيقاف ${p.campaign} مؤقتًا`,
  summary_resume: (p: { campaign: string }) => `استئناف ${p.campaign}`,
  summary_cancel: (p: { campaign: string }) => `إلغاء ${p.campaign}`,
  summary_create_campaign: (p: { name: string }) => `إنشاء الحملة ${p.name}`,
  summary_create_contact: (p: { name: string }) => `إنشاء جهة الاتصال ${p.name}`,
  summary_delete: (p: { what: string }) => `حذف ${p.what}`,
  summary_add_to_group: (p: { contact: string; group: string }) => `إضافة ${p.contact} إلى ${p.group}`,
  summary_remove_from_group: (p: { contact: string; group: string }) => `إزالة ${p.contact} من ${p.group}`,
  summary_rename: (p: { from: string; to: string }) => `إعادة تسمية ${p.from} إلى ${p.to}`,
  summary_blacklist: (p: { contact: string }) => `حظر ${p.contact}`,
  summary_unblacklist: (p: { contact: string }) => `إزالة ${p.contact} من قائمة الحظر`,
  summary_edit: (p: { what: string }) => `تعديل ${p.what}`,
  summary_named: (p: { noun: string; name: string }) => `${p.noun} ${p.name}`,
  summary_upload: (p: { name: string }) => `رفع ${p.name}`,
  noun_tag: 'الوسم',
  summary_create_group: (p: { noun: string; name: string }) => `إنشاء ${p.noun} ${p.name}`,
  group_name_too_long: (p: { max: number }) => `لا يتجاوز الاسم ${characters(f, p.max)}.`,
  outbox_gone: 'لم يعد هذا الإجراء في صندوق الصادر.',
  outbox_being_sent: 'يجري إرسال هذا الإجراء الآن؛ حاول مجددًا بعد لحظات.',
  outbox_cannot_change: (p: { state: 'queued' | 'in-flight' | 'done' | 'failed' | 'cancelled' }) =>
    `هذا الإجراء ${{ queued: 'في قائمة الانتظار', 'in-flight': 'قيد الإرسال', done: 'منجز', failed: 'فاشل', cancelled: 'ملغى' }[p.state]} ولا يمكن تغييره.`,
  outbox_already_done: 'هذا الإجراء منجز بالفعل.',
  outbox_mark_done_sending: 'لا يمكن وضع علامة «تم» إلا على إجراء فشل أو ينتظر قرارك؛ وهذا الإجراء ما زال قيد الإرسال.',
  outbox_mark_done_not_found:
    'ينشئ هذا الإجراء شيئًا جديدًا على SkyLight، ولم يجده SkyLight Desk هناك: أعد المحاولة، أو تجاهله إن كنت أنشأته بنفسك على SkyLight.',
  outbox_group_not_created: (p: { kind: 'list' | 'segment' }) =>
    `${p.kind === 'list' ? 'ما زالت هذه القائمة قيد الإنشاء' : 'ما زالت هذه الشريحة قيد الإنشاء'} في SkyLight. أضف إليها جهات الاتصال بعد أن يرسلها صندوق الصادر.`,
  outbox_tag_not_local: (p: { tag: string }) => `الوسم ${p.tag} ليس في النسخة المحلية من هذا الحساب.`,
})
