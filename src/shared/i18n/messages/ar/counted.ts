// Counted nouns the Arabic catalogs share: the noun's form follows the number (one, two,
// 3–10 plural, 11–99 singular accusative, hundreds singular).
import type { Formatter } from '../../formatter'

export const characters = (f: Formatter, n: number) =>
  f.plural(n, { one: 'حرف واحد', two: 'حرفان', few: `${f.n(n)} أحرف`, many: `${f.n(n)} حرفًا`, other: `${f.n(n)} حرف` })

export const products = (f: Formatter, n: number) =>
  f.plural(n, { one: 'منتج واحد', two: 'منتجان', few: `${f.n(n)} منتجات`, many: `${f.n(n)} منتجًا`, other: `${f.n(n)} منتج` })
