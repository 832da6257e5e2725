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
