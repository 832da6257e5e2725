// A dialog or the palette gives focus back to what opened it when it goes (Escape, a
// choice, the backdrop): without this the focus fell to the page's body, and a keyboard
// user had to find their place again from the top. Call it while the component starts,
// before the dialog takes the focus.
import { onDestroy } from 'svelte'

export function returnFocusOnClose(): void {
  const opener = typeof document === 'undefined' ? null : document.activeElement
  onDestroy(() => {
    // After the dialog has left the page; only when nothing else took the focus meanwhile
    // (a choice that opened another view leaves the focus to it).
    requestAnimationFrame(() => {
      const now = document.activeElement
      const lost = now === null || now === document.body || !now.isConnected
      if (lost && opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus()
    })
  })
}
