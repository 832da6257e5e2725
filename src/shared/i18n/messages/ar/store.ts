import type { Formatter } from '../../formatter'
import type { store as english } from '../en/store'

const things: Partial<Record<string, string>> = {
  contact: 'جهة الاتصال',
  campaign: 'الحملة',
  booking: 'الحجز',
  ticket: 'التذكرة',
  media: 'ملف الوسائط',
  'web-chat-session': 'جلسة دردشة الموقع',
  'kb-entry': 'إدخال قاعدة المعرفة',
  message: 'الرسالة',
  'ai-agent': 'وكيل الذكاء الاصطناعي',
  product: 'المنتج',
  list: 'القائمة',
  segment: 'الشريحة',
  tag: 'الوسم',
  note: 'الملاحظة',
  webhook: 'خطاف الويب',
  teamMember: 'عضو الفريق',
  conversation: 'المحادثة',
}

export const store: typeof english = (_f: Formatter) => ({
  store_damaged: (p: { path: string }) =>
    `النسخة المحلية من هذا الحساب (${p.path}) تالفة. أعد بناءها من SkyLight في الإعدادات ← الحسابات: تُحفظ الإجراءات المنتظرة التي ما زالت قابلة للقراءة.`,
  store_damaged_in_use: 'تبيّن أن النسخة المحلية من هذا الحساب تالفة. أعد تشغيل SkyLight Desk: فهو يفحص النسخة عند بدء التشغيل ويعرض إعادة بنائها من SkyLight.',
  store_locked: (p: { path: string }) => `ملف البيانات المحلية ${p.path} قيد الاستخدام من برنامج آخر، وغالبًا نافذة أخرى من SkyLight Desk. أغلقها ثم حاول مجددًا.`,
  store_read_only: (p: { path: string }) =>
    `لا يستطيع SkyLight Desk الكتابة في ${p.path}. تحقّق من أن الملف ومجلده ليسا للقراءة فقط وأن لمستخدمك صلاحية تعديلهما.`,
  store_disk_full_open: (p: { path: string }) => `القرص ممتلئ، لذا لا يستطيع SkyLight Desk فتح ${p.path}. أفرغ بعض المساحة عليه ثم حاول مجددًا.`,
  store_cannot_open: (p: { path: string }) =>
    `لا يستطيع SkyLight Desk فتح ${p.path}. تحقّق من أن المجلد موجود ويمكن الوصول إليه (ليس على قرص مفصول أو قرص شبكة) وأن لمستخدمك صلاحية استخدامه.`,
  store_too_new: 'حُفظت البيانات المحلية لهذا الحساب بإصدار أحدث من SkyLight Desk. حدّث SkyLight Desk لفتحها.',
  disk_full: (p: { what: string }) => `القرص ممتلئ، لذا تعذّر على SkyLight Desk حفظ ${p.what}. أفرغ بعض المساحة عليه ثم حاول مجددًا.`,
  disk_full_action: 'القرص ممتلئ، لذا تعذّر على SkyLight Desk حفظ ما جرى لهذا الإجراء. أفرغ بعض المساحة عليه وستُعاد المحاولة.',
  disk_what_change: 'تغييرك',
  disk_what_settings: 'إعداداتك',
  disk_what_accounts: 'قائمة حساباتك',
  disk_what_upload_copy: (p: { name: string }) => `نسخة من «${p.name}» للرفع`,
  export_not_an_export: (p: { method: string }) => `ليس تصديرًا: ${p.method}`,
  export_disk_full: 'لم يُحفظ التصدير: القرص ممتلئ. أفرغ بعض المساحة أو اختر قرصًا آخر.',
  export_not_allowed: 'لم يُحفظ التصدير: لا يُسمح لـ SkyLight Desk بالكتابة هناك. اختر مكانًا آخر ثم حاول مجددًا.',
  export_not_written: 'لم يُحفظ التصدير: تعذّرت كتابة الملف. اختر مكانًا آخر ثم حاول مجددًا.',
  store_not_found: (p: { what: string }) =>
    `لم يُعثر على ${p.what} في النسخة المحلية من هذا الحساب. ربما تم الحذف؛ وستعيد المزامنة كل ما زال موجودًا.`,
  store_thing: (p: { kind: string; id: number | string; noun?: string }) => `${things[p.kind] ?? p.noun ?? p.kind} ${p.id}`,
  store_that_message: 'تلك الرسالة',
  store_account_profile: 'ملف الحساب',
  store_the_account: 'الحساب',
})
