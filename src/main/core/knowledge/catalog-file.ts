// A product catalog read from a file the user dropped (JSON array or CSV with a header
// row), for the preview table before anything is sent: each row becomes a product or a
// reason it cannot be one. Prices accept "12.5", "12,5" and a currency written beside.
import { readCsv } from '../../../shared/csv'
import { t } from '../language'

export interface CatalogProduct {
  name: string
  description: string | null
  price: number | null
  currency: string | null
  sku: string | null
}

export interface CatalogPreview {
  products: CatalogProduct[]
  /** Rows left out, numbered as the user sees them (1 = the first product). */
  problems: { row: number; reason: string }[]
}

const MAX_PRODUCTS = 1000

export function readCatalog(fileName: string, text: string): CatalogPreview {
  const rows = fileName.toLowerCase().endsWith('.json') ? jsonRows(text) : csvRows(text)
  const products: CatalogProduct[] = []
  const problems: CatalogPreview['problems'] = []
  rows.forEach((raw, i) => {
    const get = (...keys: string[]) => {
      for (const key of keys) {
        const value = raw[key]
        if (value !== undefined && value !== null && String(value).trim() !== '') return String(value).trim()
      }
      return null
    }
    const name = get('name', 'title', 'product', 'الاسم')
    if (!name) return void problems.push({ row: i + 1, reason: t().kb_catalog_no_name() })
    const priceText = get('price', 'السعر')
    let price: number | null = null
    let currency = get('currency', 'العملة')
    if (priceText !== null) {
      const match = /^([A-Za-z]{3})?\s*(\d+(?:[.,]\d+)?)\s*([A-Za-z]{3})?$/.exec(priceText.replace(/\s+/g, ' '))
      if (!match) return void problems.push({ row: i + 1, reason: t().kb_catalog_bad_price({ price: priceText }) })
      price = Number(match[2]!.replace(',', '.'))
      currency ??= (match[1] ?? match[3] ?? null)?.toUpperCase() ?? null
    }
    products.push({ name: name.slice(0, 255), description: get('description', 'الوصف'), price, currency, sku: get('sku', 'code') })
  })
  if (products.length > MAX_PRODUCTS) {
    problems.push({ row: MAX_PRODUCTS + 1, reason: t().kb_catalog_too_many({ max: MAX_PRODUCTS }) })
    products.length = MAX_PRODUCTS
  }
  return { products, problems }
}

function jsonRows(text: string): Record<string, unknown>[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''))
  } catch {
    throw new CatalogFileError(t().kb_catalog_bad_json())
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { products?: unknown })?.products
  if (!Array.isArray(list)) throw new CatalogFileError(t().kb_catalog_not_array())
  return list.map((item) => (typeof item === 'object' && item !== null ? lowerKeys(item as Record<string, unknown>) : {}))
}

const lowerKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.trim().toLowerCase(), v]))

export class CatalogFileError extends Error {
  readonly type = 'invalid-input' as const
}

function csvRows(text: string): Record<string, string>[] {
  const csv = readCsv(text)
  if (!csv) throw new CatalogFileError(t().kb_catalog_empty_csv())
  if (!csv.columns.some((k) => ['name', 'title', 'product', 'الاسم'].includes(k))) {
    throw new CatalogFileError(t().kb_catalog_no_name_column())
  }
  return csv.rows
}
