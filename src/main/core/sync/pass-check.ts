// Whether a full read of a list may sweep what it did not see. A sweep deletes local rows,
// so it runs only after a pass that provably saw the whole list: every page from 1 to the
// last read, each as long as the `total` the server reported says it must be, no item
// dropped to validation, and no list emptied where rows were known. A suspicious page is
// read again (the pass stops there and resumes at it); items that failed validation let
// the pass finish but not sweep. Either way the sync status says why nothing was removed.
// Every step that removes rows a whole read did not see reads through here.
import { NotFoundError, type Page } from '../skylight'
import { PER_PAGE } from './context'

/** A pass that saw less than the whole list; nothing was removed. Its message is for the user. */
export class IncompletePassError extends Error {
  override readonly name = 'IncompletePassError'
}

/** `emptied`: the list says it is empty though rows of it are stored here. */
export type PageVerdict = { ok: true } | { ok: false; reason: string; emptied?: true }

/**
 * Is this page what the list's own numbers say it must be? `known` is how many rows of this
 * list are stored here (server rows only), so an empty answer for a list we hold rows of is
 * not taken at its word.
 */
export function checkPage(page: number, result: Page<unknown>, requested: number, noun: string, known: number): PageVerdict {
  const got = result.items.length + result.skipped
  // A server that caps the page size says so in its meta; its pages are measured by that.
  const perPage = Math.max(1, Math.min(requested, result.perPage || requested))
  if (page === 1 && result.total === 0 && got === 0 && known > 0) {
    return { ok: false, reason: `SkyLight answered that there are no ${noun}, though ${known} are stored here`, emptied: true }
  }
  if (page < result.lastPage && got < perPage) {
    return { ok: false, reason: `page ${page} of ${result.lastPage} of the ${noun} came back with ${got} of ${perPage}` }
  }
  if (page === result.lastPage) {
    const expected = result.total - (result.lastPage - 1) * perPage
    if (got < Math.min(expected, perPage)) {
      return { ok: false, reason: `the last page of the ${noun} came back with ${got} of ${expected}` }
    }
  }
  return { ok: true }
}

/** The message for the user when a pass stopped at a suspicious page. */
export function incompleteMessage(reason: string): string {
  return `${capitalize(reason)}, so nothing was removed from this computer. It will be read again.`
}

/** The message for the user when items that failed validation kept a pass from sweeping. */
export function unreadableMessage(invalid: number, noun: string, kept: number): string {
  return `${invalid} ${noun} from SkyLight could not be read, so ${kept} ${noun} not seen in this pass were kept on this computer rather than removed. The details are in the log.`
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** A list read whole, page by page, each page checked. */
export interface CheckedRead<T> {
  /** What the list holds, for the user ("webhooks", "members of list 4"). */
  noun: string
  fetch(page: number): Promise<Page<T>>
  /** The page size asked for. */
  perPage: number
  /** How many of the server's rows of this list are stored here. */
  known: number
  /**
   * Whether every stored row is gone from the server, each asked for on its own (`allGone`).
   * Lets an answer that the list is now empty be believed; without it, that answer is refused.
   */
  confirmEmpty?: () => Promise<boolean>
}

/**
 * Reads every page, handing each one's items to `onPage` as it comes (false: stop there, the
 * rest is not needed). A suspicious page throws IncompletePassError before its items are
 * handed on; the count of items that failed validation is returned for the caller, which
 * then may not sweep and reports `unreadableMessage`.
 */
export async function readCheckedPages<T>(read: CheckedRead<T>, onPage: (items: T[]) => boolean | void): Promise<{ invalid: number }> {
  let invalid = 0
  for (let page = 1; ; page++) {
    const result = await read.fetch(page)
    const verdict = checkPage(page, result, read.perPage, read.noun, page === 1 ? read.known : 0)
    if (!verdict.ok && !(verdict.emptied && read.confirmEmpty && (await read.confirmEmpty()))) {
      throw new IncompletePassError(incompleteMessage(verdict.reason))
    }
    invalid += result.skipped
    if (onPage(result.items) === false) return { invalid }
    if (page >= result.lastPage || result.items.length + result.skipped === 0) return { invalid }
  }
}

/** A small collection read whole, each page checked: its items, and how many failed validation. */
export interface CheckedList<T> {
  noun: string
  items: T[]
  /** Items left out by validation: any row not seen may be one of them, so none is removed. */
  invalid: number
}

/** Every page of a small list, checked as a full pass's pages are (readCheckedPages). */
export async function readCheckedList<T>(read: CheckedRead<T>): Promise<CheckedList<T>> {
  const items: T[] = []
  const { invalid } = await readCheckedPages(read, (page) => void items.push(...page))
  return { noun: read.noun, items, invalid }
}

/**
 * A small list re-read whole, whose server rows stored here are `stored`. With `fetchOne`
 * (one row by its key; NotFoundError once gone) an answer that the list is now empty is
 * checked row by row and believed when true; without it, such an answer is refused.
 */
export function wholeList<T, K>(noun: string, fetch: (page: number) => Promise<Page<T>>, stored: readonly K[], fetchOne?: (key: K) => Promise<unknown>): CheckedRead<T> {
  return { noun, fetch, perPage: PER_PAGE, known: stored.length, ...(fetchOne ? { confirmEmpty: allGone(stored, fetchOne) } : {}) }
}

/**
 * Writes what a checked read brought, letting `write` sweep only when every item could be
 * read; the rows it kept instead (a count, or their keys) are reported to `refusals`.
 */
export function writeChecked<T, W extends { kept: number | readonly unknown[] }>(read: CheckedList<T>, refusals: SweepRefusals, write: (items: T[], sweep: boolean) => W): W {
  const written = write(read.items, read.invalid === 0)
  const kept = typeof written.kept === 'number' ? written.kept : written.kept.length
  if (kept > 0) refusals.add(unreadableMessage(read.invalid, read.noun, kept))
  return written
}

/** At most this many stored rows are asked for one by one before an empty answer is believed. */
const CONFIRM_AT_MOST = 25

/**
 * For `confirmEmpty`: asks for each stored row on its own; true when the server no longer has
 * any of them (each answered not-found). One it still has means the empty answer was wrong.
 */
export function allGone<K>(keys: readonly K[], fetchOne: (key: K) => Promise<unknown>): () => Promise<boolean> {
  return async () => {
    if (keys.length > CONFIRM_AT_MOST) return false
    for (const key of keys) {
      try {
        await fetchOne(key)
        return false
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error
      }
    }
    return true
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
