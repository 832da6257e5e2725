// Where the window reopens: the size and place it had last time, unless that place is no
// longer on a screen (a monitor unplugged, a resolution changed). Pure, so it is tested
// without Electron; main-window.ts feeds it the displays' work areas.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export interface SizeLimits {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** The window's placement for BrowserWindow: no x/y means "let the system center it". */
export interface Placement {
  bounds: { width: number; height: number; x?: number; y?: number }
  maximized: boolean
}

/** How much of the title bar must be on a screen for the user to grab it. */
const TITLE_BAR_HEIGHT = 32
const MIN_VISIBLE_WIDTH = 80

/** Reads a stored state, or nothing if it is missing or not what we wrote. */
export function parseWindowState(raw: unknown): WindowState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown }
  if (typeof bounds !== 'object' || bounds === null) return undefined
  const { x, y, width, height } = bounds as Record<string, unknown>
  const numbers = [x, y, width, height]
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined
  const rect = { x: x as number, y: y as number, width: width as number, height: height as number }
  if (rect.width <= 0 || rect.height <= 0) return undefined
  return { bounds: roundRect(rect), maximized: maximized === true }
}

/**
 * @param workAreas the displays' work areas, the primary display first.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[], limits: SizeLimits): Placement {
  const primary = workAreas[0]
  if (!saved) {
    return { bounds: fitSize({ width: limits.width, height: limits.height }, primary, limits), maximized: false }
  }
  const home = workAreas.find((area) => titleBarVisibleOn(saved.bounds, area))
  if (!home) {
    // Off every screen: keep the size the user chose, let the system place it on the primary one.
    return { bounds: fitSize(saved.bounds, primary, limits), maximized: saved.maximized }
  }
  const size = fitSize(saved.bounds, home, limits)
  return {
    bounds: {
      ...size,
      x: clamp(saved.bounds.x, home.x, home.x + home.width - size.width),
      y: clamp(saved.bounds.y, home.y, home.y + home.height - size.height),
    },
    maximized: saved.maximized,
  }
}

function titleBarVisibleOn(bounds: Rect, area: Rect): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR_HEIGHT }
  const overlap = intersection(titleBar, area)
  // The top edge itself must be on the screen, or the bar is hidden above it.
  return overlap.width >= MIN_VISIBLE_WIDTH && overlap.height > 0 && bounds.y >= area.y
}

function fitSize(size: { width: number; height: number }, area: Rect | undefined, limits: SizeLimits): { width: number; height: number } {
  const maxWidth = area ? Math.max(area.width, limits.minWidth) : Infinity
  const maxHeight = area ? Math.max(area.height, limits.minHeight) : Infinity
  return {
    width: Math.round(clamp(size.width, limits.minWidth, maxWidth)),
    height: Math.round(clamp(size.height, limits.minHeight, maxHeight)),
  }
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  }
}

/** Clamps into [min, max]; when the range is empty (a window larger than the screen) min wins. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max))
}

function roundRect(rect: Rect): Rect {
  return { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) }
}
