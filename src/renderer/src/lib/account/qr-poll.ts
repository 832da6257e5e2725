// How often a QR connection's status is asked for: brisk while the user is likely scanning,
// slower after, and given up after two minutes (a code is long expired by then). About 28
// requests for a whole wait, under a quarter of a minute's budget of 120 for the key.

export const QR_TIMEOUT_MS = 120_000

/** The wait before the next status request, or null when it is time to give up. */
export function nextPollDelay(elapsedMs: number): number | null {
  if (elapsedMs >= QR_TIMEOUT_MS) return null
  if (elapsedMs < 30_000) return 3_000
  return 5_000
}

export type QrOutcome = 'waiting' | 'connected' | 'failed'

/** What a polled channel says about the attempt. */
export function qrOutcome(c: { isConnected: boolean; syncStatus: string | null }): QrOutcome {
  if (c.isConnected && (c.syncStatus === 'OK' || c.syncStatus === 'SYNC_SUCCESS' || c.syncStatus === null)) return 'connected'
  if (c.syncStatus === 'CREATION_FAIL' || c.syncStatus === 'ERROR' || c.syncStatus === 'CREDENTIALS') return 'failed'
  return 'waiting'
}
