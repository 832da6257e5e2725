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
  error_refused: (p: { where: string }) => `تعذّر الاتصال بـ SkyLight على ${p.where}: رُفض الاتصال. تحقّق من اتصالك بالإنترنت ومن عنوان الخادم.`,
  error_not_found_host: (p: { host: string }) => `تعذّر العثور على ${p.host}. تحقّق من اتصالك بالإنترنت ومن عنوان الخادم.`,
  error_timeout: (p: { where: string; seconds: number }) => `لم يُجب SkyLight على ${p.where} خلال ${f.n(p.seconds)} ث.`,
  error_too_large: (p: { where: string }) => `أرسل SkyLight على ${p.where} ردًا أكبر من أن يُقرأ.`,
  error_interrupted: (p: { where: string; code: string }) => `انقطع الاتصال بـ SkyLight على ${p.where}${p.code ? ` (${p.code})` : ''}.`,
  error_media_offline: 'هذا الملف ليس على هذا الحاسوب بعد، ولا يمكن الوصول إلى SkyLight لجلبه. حاول مجددًا عندما تكون متصلًا.',
  error_media_too_large: (p: { mb: number }) =>
    `هذا الملف أكبر من ${f.n(p.mb, { maximumFractionDigits: 1 })} م.ب، وهو أكثر مما ينزّله SkyLight Desk. افتحه من لوحة تحكم SkyLight بدلًا من ذلك.`,
  error_action_failed: (p: { reason: string }) => `تعذّر على SkyLight Desk تنفيذ هذا الإجراء: ${p.reason}`,
  error_newer_action: (p: { kind: string }) => `هذا الإجراء المنتظر (${p.kind}) من إصدار أحدث من SkyLight Desk. حدّث SkyLight Desk لتنفيذه، أو تجاهله.`,
  error_ambiguous_match:
    'لدى SkyLight الآن سجل مطابق، لكن لا يستطيع SkyLight Desk أن يعرف هل هو هذا الإجراء (ضاع الرد) أم سجل مماثل أنشأه شخص آخر. علّمه كمُنجز إن كان كذلك، أو أعد المحاولة لإرساله على أي حال.',
  upload_bad_type: (p: { name: string; types: string }) => `لا يمكن رفع «${p.name}»: يقبل SkyLight ملفات ${p.types}.`,
  upload_too_big: (p: { name: string; mb: number }) =>
    `حجم «${p.name}» ${f.n(p.mb, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} م.ب؛ ويقبل SkyLight ملفات حتى ${f.n(50)} م.ب.`,
  upload_empty: (p: { name: string }) => `الملف «${p.name}» فارغ.`,
  upload_not_kind: (p: { name: string; expected: string }) => `«${p.name}» ليس ${p.expected}: محتواه ليس صورة أو فيديو يقبله SkyLight.`,
  upload_misnamed: (p: { name: string; expected: string; found: string; extension: string }) =>
    `اسم «${p.name}» يوحي بأنه ${p.expected} لكن محتواه ${p.found}؛ غيّر امتداده إلى ‎.${p.extension} وحاول مجددًا.`,
  start_not_synced: 'لم تصل المسودة إلى SkyLight بعد. يمكن بدؤها بعد وصولها (عند عودة الاتصال).',
  start_no_recipients: 'ليس لها مستلمون: اختر جهات اتصال أو قوائم أو شرائح (يُستثنى المحظورون).',
  start_no_channel: 'قناتها ليست من قنوات هذا الحساب: اختر قناة.',
  start_channel_down: (p: { channel: string }) => `قناتها (${p.channel}) غير متصلة: اربطها في SkyLight أولًا.`,
  format_jpeg: 'صورة JPEG',
  format_png: 'صورة PNG',
  format_gif: 'صورة GIF',
  format_iso_media: 'فيديو MP4 أو MOV',
  format_avi: 'فيديو AVI',
  format_asf: 'فيديو WMV',
  format_flv: 'فيديو FLV',
  format_ebml: 'فيديو WebM',
})
