// Keyboard movement in a list: which row a key moves the focus to, or null if the key is
// not a list key. Shared by every list so they all answer the same keys.
export function nextIndex(key: string, index: number, count: number, pageSize = 10): number | null {
  if (count === 0) return null
  const last = count - 1
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, last)
    case 'ArrowUp':
      return Math.max(index - 1, 0)
    case 'PageDown':
      return Math.min(index + pageSize, last)
    case 'PageUp':
      return Math.max(index - pageSize, 0)
    case 'Home':
      return 0
    case 'End':
      return last
    default:
      return null
  }
}

/** A list whose rows can be chosen for a bulk action (by index in the list as shown). */
export interface MultiSelect {
  chosen(index: number): boolean
  /** Shift+movement: the keyboard went from row `from` to row `to`, extending the choice. */
  extend(from: number, to: number): void
  /** Space or Ctrl+Space on a row. */
  toggle(index: number): void
  /** Ctrl/Cmd+A: everything the list's filter matches. */
  all(): void
  /** Escape: false when nothing was chosen (the key is then left to others). */
  clear(): boolean
}

/**
 * The choosing keys of a multi-select list; true when the key was one of them and was
 * handled (the caller then stops it). Movement keys, with or without Shift, are not here.
 */
export function chooseKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, multi: MultiSelect, focusIndex: number, count: number): boolean {
  if (event.altKey) return false
  const command = event.ctrlKey || event.metaKey
  if (event.key === ' ' && !event.shiftKey && focusIndex >= 0 && focusIndex < count) {
    multi.toggle(focusIndex)
    return true
  }
  if (command && !event.shiftKey && event.key.toLowerCase() === 'a') {
    if (count > 0) multi.all()
    return true
  }
  if (event.key === 'Escape' && !command && !event.shiftKey) return multi.clear()
  return false
}
