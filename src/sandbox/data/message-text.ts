// Message texts as customers and agents write them: a few stock phrases, and sentences put
// together from templates and word lists in English, Arabic and both mixed, so a
// bench-size history holds tens of thousands of distinct texts and search ranks real work
// rather than a handful of repeated lines.
import { Prng } from './prng'

const PRODUCTS_EN = ['blue hoodie', 'leather wallet', 'coffee grinder', 'running shoes', 'gift box', 'desk lamp', 'phone case', 'oud perfume', 'dates assortment', 'travel mug', 'wireless earbuds', 'abaya', 'linen shirt', 'spice set', 'smart watch', 'baby stroller', 'olive oil', 'prayer mat', 'backpack', 'sunglasses']
const PRODUCTS_AR = ['العباية السوداء', 'عطر العود', 'علبة التمور', 'الساعة الذكية', 'حقيبة الظهر', 'سماعات لاسلكية', 'سجادة الصلاة', 'طقم البهارات', 'زيت الزيتون', 'قهوة عربية', 'الحذاء الرياضي', 'غطاء الجوال', 'مصباح المكتب', 'الشماغ الأحمر', 'طقم الفناجين', 'عربة الأطفال', 'المحفظة الجلدية', 'النظارة الشمسية', 'البخور', 'صندوق الهدايا']
const CITIES_EN = ['Riyadh', 'Jeddah', 'Dammam', 'Dubai', 'Cairo', 'London', 'Manchester', 'Abu Dhabi', 'Mecca', 'Medina', 'Khobar', 'Alexandria']
const CITIES_AR = ['الرياض', 'جدة', 'الدمام', 'دبي', 'القاهرة', 'مكة', 'المدينة', 'الخبر', 'أبها', 'تبوك', 'الإسكندرية', 'الطائف']
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Saturday', 'tomorrow', 'next week']
const DAYS_AR = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'السبت', 'بكرة', 'الأسبوع الجاي']
const COLOURS_EN = ['black', 'white', 'navy', 'beige', 'green', 'red', 'grey']
const COLOURS_AR = ['أسود', 'أبيض', 'كحلي', 'بيج', 'أخضر', 'أحمر', 'رمادي']
const OPENERS_EN = ['', '', 'Hi, ', 'Hello, ', 'Good morning! ', 'Hey, ', 'Quick question: ', 'Sorry to bother you, ']
const OPENERS_AR = ['', '', 'السلام عليكم، ', 'مرحبا، ', 'صباح الخير، ', 'مساء الخير، ', 'لو سمحت، ', 'عفواً، ']
const CLOSERS_EN = ['', '', '', ' Thanks!', ' Thank you 🙏', ' 👍', ' Please let me know.', ' Cheers.']
const CLOSERS_AR = ['', '', '', ' شكراً', ' الله يعطيك العافية', ' 🌹', ' بانتظار ردكم', ' جزاك الله خير']

type Slots = { product: string; city: string; day: string; colour: string; order: number; qty: number; price: number; hour: number }
type Template = (s: Slots) => string

const TEMPLATES_EN: Template[] = [
  (s) => `is the ${s.product} still available in ${s.colour}?`,
  (s) => `I ordered the ${s.product} last week, order #${s.order}, and it has not arrived yet.`,
  (s) => `how much is delivery to ${s.city}?`,
  (s) => `can I get ${s.qty} of the ${s.product} at a better price?`,
  (s) => `your order #${s.order} has been shipped and should reach ${s.city} by ${s.day}.`,
  (s) => `the ${s.product} costs ${s.price} SAR, delivery included.`,
  (s) => `could you reserve the ${s.colour} ${s.product} for me until ${s.day}?`,
  (s) => `I'd like to return the ${s.product} from order #${s.order}.`,
  (s) => `we are open ${s.day} from ${s.hour}am to ${s.hour + 8}pm.`,
  (s) => `your appointment is confirmed for ${s.day} at ${s.hour}:30.`,
  (s) => `do you ship to ${s.city}? I need ${s.qty} pieces.`,
  (s) => `the ${s.product} arrived damaged, what can we do? Order #${s.order}.`,
  (s) => `we have ${s.qty} ${s.product}s left in ${s.colour}, shall I hold one for you?`,
  (s) => `can I change the delivery address for order #${s.order} to ${s.city}?`,
  (s) => `is there a discount if I buy ${s.qty} or more?`,
  (s) => `payment received for order #${s.order}, thank you.`,
  (s) => `do you have the ${s.product} in a larger size?`,
  (s) => `our branch in ${s.city} has the ${s.product} in stock.`,
]
const TEMPLATES_AR: Template[] = [
  (s) => `هل ${s.product} متوفر باللون ال${s.colour}؟`,
  (s) => `طلبت ${s.product} الأسبوع الماضي، رقم الطلب ${s.order}، وما وصلني للحين`,
  (s) => `كم سعر التوصيل إلى ${s.city}؟`,
  (s) => `أبي ${s.qty} حبات من ${s.product}، فيه خصم؟`,
  (s) => `تم شحن طلبك رقم ${s.order} ويصل ${s.city} يوم ${s.day}`,
  (s) => `سعر ${s.product} ${s.price} ريال شامل التوصيل`,
  (s) => `ممكن تحجزون لي ${s.product} لين يوم ${s.day}؟`,
  (s) => `أبغى أرجع ${s.product} من الطلب ${s.order}`,
  (s) => `دوامنا يوم ${s.day} من الساعة ${s.hour} الصبح`,
  (s) => `تم تأكيد موعدك يوم ${s.day} الساعة ${s.hour} ونص`,
  (s) => `هل توصلون إلى ${s.city}؟ أحتاج ${s.qty} قطع`,
  (s) => `وصلني ${s.product} مكسور، وش الحل؟ رقم الطلب ${s.order}`,
  (s) => `باقي عندنا ${s.qty} من ${s.product}، نحجز لك واحد؟`,
  (s) => `ممكن أغير عنوان التوصيل للطلب ${s.order} إلى ${s.city}؟`,
  (s) => `تم استلام الدفع للطلب رقم ${s.order}، شكراً لك`,
  (s) => `فرعنا في ${s.city} عنده ${s.product}`,
]
const STOCK = [
  'Hi, I need help with my order.',
  'Hello! How can I help you today?',
  'Thanks a lot, that solved it 🙏',
  'Great, see you then! 👍',
  'مرحبا، أحتاج مساعدة في طلبي',
  'السلام عليكم، هل المنتج متوفر؟',
  'شكراً جزيلاً لكم 🌹',
  'أهلاً وسهلاً! كيف نقدر نخدمك اليوم؟',
  'تمام، بانتظارك ✨',
  'Order #4521 — تم الشحن ✅',
  'Thanks! شكراً 😊',
  '👍',
  '🎉🎉🎉',
  'Promo code RAMADAN25 — خصم ٢٥٪ على كل المنتجات',
]

function capitalise(text: string): string {
  return text.length > 0 ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text
}

/**
 * One message text. Takes exactly two draws from `random`, whatever it writes, so the rest
 * of a generated account (names, dates, ids) does not depend on how texts are composed.
 */
export function messageText(random: Prng): string {
  const roll = random.next()
  const local = new Prng(Math.floor(random.next() * 4294967296))
  if (roll < 0.12) return local.pick(STOCK)
  const arabic = roll >= 0.55
  const slots: Slots = {
    product: local.pick(arabic ? PRODUCTS_AR : PRODUCTS_EN),
    city: local.pick(arabic ? CITIES_AR : CITIES_EN),
    day: local.pick(arabic ? DAYS_AR : DAYS_EN),
    colour: local.pick(arabic ? COLOURS_AR : COLOURS_EN),
    order: local.int(1000, 99999),
    qty: local.int(2, 50),
    price: local.int(15, 2400),
    hour: local.int(8, 11),
  }
  const body = local.pick(arabic ? TEMPLATES_AR : TEMPLATES_EN)(slots)
  const opener = local.pick(arabic ? OPENERS_AR : OPENERS_EN)
  const text = `${opener}${opener === '' && !arabic ? capitalise(body) : body}${local.pick(arabic ? CLOSERS_AR : CLOSERS_EN)}`
  // Some customers answer in both languages at once.
  return roll > 0.95 ? `${text} / ${local.pick(arabic ? TEMPLATES_EN : TEMPLATES_AR)(slots)}` : text
}
