// Word lists for generated data: Arabic and English names, right-to-left text, emoji.
// Message texts are composed in message-text.ts.
import type { Prng } from './prng'

const ENGLISH_FIRST = ['Sarah', 'James', 'Emily', 'Omar', 'Olivia', 'Daniel', 'Grace', 'Liam', 'Maya', 'Noah', 'Zoe', 'Ethan', 'Hannah', 'Lucas', 'Chloe', 'Adam']
const ENGLISH_LAST = ['Johnson', 'Smith', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Clark', 'Walker', 'Young', 'King', 'Wright']
const ARABIC_FIRST = ['نورة', 'أحمد', 'فاطمة', 'محمد', 'سارة', 'خالد', 'ريم', 'عبدالله', 'لمى', 'يوسف', 'هند', 'فيصل', 'منى', 'طارق']
const ARABIC_LAST = ['العتيبي', 'القحطاني', 'الشهري', 'الحربي', 'الدوسري', 'المطيري', 'الزهراني', 'الغامدي', 'السبيعي']
const LATIN_ARABIC_FIRST = ['Noura', 'Ahmad', 'Fatima', 'Mohammed', 'Khalid', 'Reem', 'Abdullah', 'Yousef', 'Hind', 'Faisal']
const LATIN_ARABIC_LAST = ['Al-Otaibi', 'Al-Qahtani', 'Al-Shehri', 'Al-Harbi', 'Al-Dosari', 'Al-Mutairi', 'Al-Zahrani']
const NAME_EMOJI = ['🌟', '🌸', '🚀', '☕', '🎯', '💼']

export const TAG_TITLES = ['VIP Customer', 'Hot Lead', 'newsletter', 'عميل مميز', 'Wholesale', 'Follow up ⏰', 'Returning', 'عرض رمضان', 'Support', 'Cold']
export const LIST_NAMES = ['Q1 Leads', 'Spring Campaign Targets', 'عملاء الرياض', 'Newsletter subscribers', 'Event attendees 🎟️', 'Trade show contacts']
export const SEGMENT_NAMES = ['Active last 30 days', 'High spenders 💰', 'عملاء جدد', 'Dormant customers', 'Instagram followers']
export const CAMPAIGN_NAMES = ['Spring Promo 2026', 'عرض رمضان', 'New arrivals 🛍️', 'Win-back: dormant customers', 'Event reminder', 'Black Friday preview', 'Eid greetings 🌙', 'Loyalty points update']
export const NOTE_TEXTS = ['Prefers to be contacted in the evening.', 'يفضل التواصل بالعربية', 'Asked about wholesale prices 💬', 'Called twice about order #4521', 'VIP — handle with care ⭐', 'لا يرغب في الرسائل الترويجية']
export const MEDIA_NAMES = ['Product Hero Image', 'صورة المنتج', 'Store front', 'Menu — page 1', 'Team photo 📸', 'Summer banner', 'شعار الشركة', 'Unboxing video', 'How to order', 'Promo clip 🎬']

export interface PersonName {
  name: string
  first: string
  last: string
  /** ASCII form for e-mail addresses. */
  latin: string
}

export function personName(random: Prng): PersonName {
  const roll = random.next()
  if (roll < 0.35) {
    const first = random.pick(ARABIC_FIRST)
    const last = random.pick(ARABIC_LAST)
    const latin = `${random.pick(LATIN_ARABIC_FIRST)}.${random.pick(LATIN_ARABIC_LAST)}`
    return { name: `${first} ${last}`, first, last, latin }
  }
  if (roll < 0.6) {
    const first = random.pick(LATIN_ARABIC_FIRST)
    const last = random.pick(LATIN_ARABIC_LAST)
    return { name: `${first} ${last}`, first, last, latin: `${first}.${last}` }
  }
  const first = random.pick(ENGLISH_FIRST)
  const last = random.pick(ENGLISH_LAST)
  const decorated = random.chance(0.08) ? `${first} ${last} ${random.pick(NAME_EMOJI)}` : `${first} ${last}`
  return { name: decorated, first, last, latin: `${first}.${last}` }
}

export function email(random: Prng, person: PersonName, serial: number): string {
  const domain = random.pick(['example.com', 'mail.example.org', 'example.sa', 'example.co.uk'])
  return `${person.latin.toLowerCase().replace(/[^a-z.]/g, '')}${serial}@${domain}`
}

/** E.164 numbers, unique per serial within an account. */
export function phone(random: Prng, serial: number): string {
  const digits = String(serial).padStart(6, '0')
  const prefix = random.pick(['+96650', '+96655', '+1415', '+4477', '+2010', '+97150'])
  return `${prefix}${random.int(1, 9)}${digits}`.slice(0, 16)
}

export interface CompanyProfile {
  companyName: string
  slug: string
  address: string
  timezone: string
  locale: 'en' | 'ar'
  countryId: number
  owner: { firstName: string; lastName: string; email: string; phone: string }
}

const COMPANIES: readonly CompanyProfile[] = [
  { companyName: 'Nakheel Trading', slug: 'nakheel-trading', address: 'طريق الملك عبدالله، الرياض', timezone: 'Asia/Riyadh', locale: 'ar', countryId: 194, owner: { firstName: 'Ahmad', lastName: 'Ali', email: 'ahmad@nakheel.example.sa', phone: '+966501234567' } },
  { companyName: 'Acme Corp', slug: 'acme-corp', address: '500 Market St, San Francisco', timezone: 'America/New_York', locale: 'en', countryId: 233, owner: { firstName: 'Sarah', lastName: 'Johnson', email: 'admin@acmecorp.example.com', phone: '+14155550100' } },
  { companyName: 'Blue Nile Foods', slug: 'blue-nile-foods', address: 'شارع التحرير، القاهرة', timezone: 'Africa/Cairo', locale: 'ar', countryId: 65, owner: { firstName: 'Omar', lastName: 'Hassan', email: 'omar@bluenile.example.com', phone: '+201001234567' } },
  { companyName: 'Harbour Lights Ltd', slug: 'harbour-lights', address: '12 Quay Street, Bristol', timezone: 'Europe/London', locale: 'en', countryId: 232, owner: { firstName: 'Grace', lastName: 'Evans', email: 'grace@harbour.example.co.uk', phone: '+447700900123' } },
]

export function companyProfile(index: number): CompanyProfile {
  const base = COMPANIES[index % COMPANIES.length] as CompanyProfile
  if (index < COMPANIES.length) return base
  const n = Math.floor(index / COMPANIES.length) + 1
  return { ...base, companyName: `${base.companyName} ${n}`, slug: `${base.slug}-${n}` }
}
