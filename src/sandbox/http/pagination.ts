// Laravel-style page/per_page handling and the docs' `meta` block.
import { json, type JsonResult } from './respond'

export interface PageRequest {
  page: number
  perPage: number
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null
  const n = Number(value)
  return n >= 1 ? n : null
}

/** Tolerant like Laravel: bad values fall back to defaults and per_page is capped at the maximum. */
export function pageRequest(query: URLSearchParams, defaultPerPage: number, maxPerPage: number): PageRequest {
  return {
    page: positiveInt(query.get('page')) ?? 1,
    perPage: Math.min(positiveInt(query.get('per_page')) ?? defaultPerPage, maxPerPage),
  }
}

/** `slice(start, end)` yields the items of that range; a page past the end gives empty data. */
export function paginated<T>(total: number, req: PageRequest, slice: (start: number, end: number) => T[]): JsonResult {
  const start = (req.page - 1) * req.perPage
  const data = start >= total ? [] : slice(start, Math.min(total, start + req.perPage))
  return json(200, {
    success: true,
    data,
    meta: {
      current_page: req.page,
      last_page: Math.max(1, Math.ceil(total / req.perPage)),
      per_page: req.perPage,
      total,
    },
  })
}

export function paginateArray<T, R>(items: readonly T[], req: PageRequest, map: (item: T) => R): JsonResult {
  return paginated(items.length, req, (start, end) => items.slice(start, end).map(map))
}
