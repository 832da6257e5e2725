// Seeded knowledge base: every type once or more, in Arabic and English; the websites were
// crawled long ago (one completed, one failed), so only new submissions are in progress.
import type { AccountStore } from './account-store'
import type { KbEntryRec, KbType } from './knowledge-base'
import { DAY } from './time'
import type { World } from './world'

export function generateKnowledgeBase(world: World, store: AccountStore, base: number): void {
  const entry = (type: KbType, daysAgo: number, fields: Partial<KbEntryRec> & { title: string }): void => {
    const at = base - daysAgo * DAY
    const rec: KbEntryRec = {
      id: world.ids.next('kbEntry'), type, description: null, businessDescription: null, content: null, file: null, url: null,
      crawlFailure: null, products: [], embeddingUpdatedAt: at, createdAt: at, updatedAt: at, ...fields,
    }
    store.knowledgeBase.set(rec.id, rec)
  }
  const product = (name: string, price: number, sku: string) => ({ id: world.ids.next('kbProduct'), name, description: null, price, currency: 'SAR', sku })
  entry('text', 60, {
    title: 'Return Policy',
    description: 'Customer return and refund policy',
    businessDescription: 'Used by the sales AI to answer returns-related questions',
    content: 'Items can be returned within 14 days of delivery in their original packaging. Refunds reach the card within 5 working days.',
  })
  entry('text', 45, {
    title: 'سياسة الشحن',
    description: 'مدة الشحن وتكلفته',
    content: 'نشحن إلى جميع مدن المملكة خلال ٣ إلى ٥ أيام عمل. الشحن مجاني للطلبات فوق ٢٠٠ ريال.',
  })
  entry('document', 30, { title: 'Price list 2026.pdf', content: 'Text extracted from Price list 2026.pdf (48213 bytes).', file: { name: 'Price list 2026.pdf', size: 48_213, extension: 'pdf' } })
  entry('voice', 20, { title: 'رسالة ترحيب.mp3', content: 'Transcript of رسالة ترحيب.mp3: “أهلاً بكم في متجرنا.”', file: { name: 'رسالة ترحيب.mp3', size: 182_400, extension: 'mp3' } })
  entry('product_catalog', 15, { title: 'Coffee beans', products: [product('Ethiopian Yirgacheffe 250g', 65, 'ETH-250'), product('قهوة خولانية ٥٠٠ جم', 90, 'KHW-500'), product('Colombian Supremo 1kg', 180, 'COL-1000')] })
  entry('website', 10, { title: 'example.com', url: 'https://example.com/', content: 'Crawled text of https://example.com/: opening hours and delivery areas.' })
  entry('website', 5, { title: 'old-shop.invalid', url: 'https://old-shop.invalid/', crawlFailure: 'The site old-shop.invalid could not be reached (DNS lookup failed).', embeddingUpdatedAt: null })
}
