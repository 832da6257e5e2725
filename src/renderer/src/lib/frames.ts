// Work that can wait until what the user asked for is on screen.

/** Resolves once the next frame has been drawn (at once in a hidden window, which draws none). */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
      setTimeout(resolve, 0)
      return
    }
    // A frame's callbacks run before it is drawn; a task queued from one runs after.
    requestAnimationFrame(() => setTimeout(resolve, 0))
  })
}
