import type { Formatter } from '../../formatter'
import type { core as english } from '../en/core'

export const core: typeof english = (f: Formatter) => ({
  menu_view: 'عرض',
  menu_open_log_folder: 'فتح مجلد السجلات',
  notify_new_message: 'رسالة جديدة',
  notify_sent_you_message: 'أرسل إليك رسالة',
  notify_kb_entry: 'إدخال',
  notify_kb_updated: 'تم تحديث قاعدة المعرفة',
  notify_kb_ready: (p: { name: string }) => `تمت معالجة «${p.name}» وأصبح جاهزًا لوكلاء الذكاء الاصطناعي.`,
  notify_kb_failed: 'تعذّرت معالجة إدخال في قاعدة المعرفة',
  notify_kb_failed_body: (p: { name: string; error: string }) => `تعذّرت معالجة «${p.name}». ${p.error}`.trim(),
  notify_unread: (p: { n: number }) =>
    f.plural(p.n, {
      zero: 'لا رسائل غير مقروءة',
      one: 'رسالة واحدة غير مقروءة',
      two: 'رسالتان غير مقروءتين',
      few: `${f.n(p.n)} رسائل غير مقروءة`,
      many: `${f.n(p.n)} رسالة غير مقروءة`,
      other: `${f.n(p.n)} رسالة غير مقروءة`,
    }),
  notify_channel_dropped: (p: { name: string }) => `انقطع اتصال ${p.name}`,
  notify_channel_credentials: 'يلزم تسجيل الدخول إليها مجددًا.',
  notify_channel_waits: 'تنتظر الرسائل عليها حتى تتصل من جديد.',
  notify_channel_reconnect: (p: { why: string }) => `${p.why} افتح الحساب › القنوات لإعادة الاتصال.`,
  core_internal_error: 'حدث خطأ داخل SkyLight Desk. التفاصيل في السجل.',
  core_settings_damaged: 'ملف إعداداتك تالف، لذا يستخدم SkyLight Desk الإعدادات الافتراضية. راجعها في الإعدادات.',
  core_settings_damaged_kept: (p: { file: string }) =>
    `ملف إعداداتك تالف، لذا يستخدم SkyLight Desk الإعدادات الافتراضية (حُفظ الملف التالف باسم ${p.file}). راجعها في الإعدادات.`,
})
