// Whether a full read of a list may sweep what it did not see. A sweep deletes local rows,
// so it runs only after a pass that provably saw the whole list: every page from 1 to the
// last read, each as long as the `total` the server reported says it must be, no item
// dropped to validation, and no list emptied where rows were known. A suspicious page is
// read again (the pass stops there and resumes at it); items that failed validation let
// the pass finish but not sweep. Either way the sync status says why nothing was removed.
import { t } from '../language'
import type { Page } from '../skylight'

/** A pass that saw less than the whole list; nothing was removed. Its message is for the user. */
export class IncompletePassError extends Error {
  override readonly name = 'IncompletePassError'
}

export type PageVerdict = { ok: true } | { ok: false; reason: string }

/**
 * Is this page what the list's own numbers say it must be? `known` is how many rows of this
 * list are stored here (server rows only), so an empty answer for a list we hold rows of is
 * not taken at its word. `noun` names the list in the core's language (t().sync_noun_tags()).
 */
export function checkPage(page: number, result: Page<unknown>, requested: number, noun: string, known: number): PageVerdict {
  const got = result.items.length + result.skipped
  // A server that caps the page size says so in its meta; its pages are measured by that.
  const perPage = Math.max(1, Math.min(requested, result.perPage || requested))
  if (page === 1 && result.total === 0 && got === 0 && known > 0) {
    return { ok: false, reason: t().sync_none_but_known({ noun, known }) }
  }
  if (page < result.lastPage && got < perPage) {
    return { ok: false, reason: t().sync_short_page({ page, last: result.lastPage, noun, got, of: perPage }) }
  }
  if (page === result.lastPage) {
    const expected = result.total - (result.lastPage - 1) * perPage
    if (got < Math.min(expected, perPage)) {
      return { ok: false, reason: t().sync_short_last_page({ noun, got, of: expected }) }
    }
  }
  return { ok: true }
}

/** The message for the user when a pass stopped at a suspicious page. */
export function incompleteMessage(reason: string): string {
  return t().sync_incomplete({ reason })
}

/** The message for the user when items that failed validation kept a pass from sweeping. */
export function unreadableMessage(invalid: number, noun: string, kept: number): string {
  return t().sync_unreadable({ invalid, noun, kept })
}

/** A small collection read whole, each page checked: its items, and how many failed validation. */
export interface CheckedList<T> {
  items: T[]
  /** Items left out by validation: any row not seen may be one of them, so none is removed. */
  invalid: number
}

/**
 * Every page of a list re-read whole, checked as a full pass's pages are (`known`: the
 * server rows stored here). A suspicious page throws IncompletePassError before anything is
 * written or removed; items that failed validation are counted for the caller, which then
 * writes without sweeping and reports `unreadableMessage`.
 */
export async function readCheckedList<T>(fetch: (page: number) => Promise<Page<T>>, perPage: number, noun: string, known: number): Promise<CheckedList<T>> {
  const items: T[] = []
  let invalid = 0
  for (let page = 1; ; page++) {
    const result = await fetch(page)
    const verdict = checkPage(page, result, perPage, noun, page === 1 ? known : 0)
    if (!verdict.ok) throw new IncompletePassError(incompleteMessage(verdict.reason))
    items.push(...result.items)
    invalid += result.skipped
    if (page >= result.lastPage || result.items.length + result.skipped === 0) return { items, invalid }
  }
}

/** Refusals to sweep met during a step, reported together once the step has written what it read. */
export class SweepRefusals {
  readonly #messages: string[] = []

  add(message: string): void {
    this.#messages.push(message)
  }

  /** Throws IncompletePassError with every refusal, if any. */
  report(): void {
    if (this.#messages.length > 0) throw new IncompletePassError(this.#messages.join(' '))
  }
}
