// Saving an export from the shell: the core's CSV, written where the user picked, never a
// path from the page; a cancelled dialog writes nothing; a refused filter opens no dialog.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Dispatch } from '../../src/main/core/contract/dispatch'
import { saveCsv } from '../../src/main/csv-save'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

const csv = '\uFEFFName\r\nنورة\r\n'
const dispatch: Dispatch = async (method, input) =>
  (input as { id?: number }).id === 404
    ? { ok: false, error: { type: 'not-found', message: 'Campaign 404 is not here.' } }
    : { ok: true, value: { fileName: `${String(method)}.csv`, csv, rows: 1 } }

describe('saving a CSV export', () => {
  it('writes the core’s CSV, byte for byte, to the file the user picked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csv-save-'))
    dirs.push(dir)
    const asked: string[] = []
    const pickPath = async (name: string) => (asked.push(name), join(dir, 'mine.csv'))
    expect(await saveCsv({ dispatch, pickPath }, 'contacts-csv', { tag: 'vip' })).toEqual({ ok: true, value: { saved: join(dir, 'mine.csv'), rows: 1 } })
    expect(asked).toEqual(['contacts-csv.csv'])
    expect(await readFile(join(dir, 'mine.csv'), 'utf8')).toBe(csv)
  })

  it('writes nothing when the dialog is cancelled, and opens none for a refused export or another method', async () => {
    let dialogs = 0
    const pickPath = async () => (dialogs++, null)
    const write = async () => {
      throw new Error('must not write')
    }
    expect(await saveCsv({ dispatch, pickPath, write }, 'campaign-deliveries-csv', { id: 1 })).toEqual({ ok: true, value: { saved: null, rows: 1 } })
    expect(await saveCsv({ dispatch, pickPath, write }, 'campaign-deliveries-csv', { id: 404 })).toMatchObject({ ok: false, error: { type: 'not-found' } })
    expect(await saveCsv({ dispatch, pickPath, write }, 'account-remove', {})).toMatchObject({ ok: false, error: { type: 'unknown-method' } })
    expect(dialogs).toBe(1)
  })

  it('says plainly when the file cannot be written', async () => {
    const failing = (code: string) => async () => {
      throw Object.assign(new Error(code), { code })
    }
    const pickPath = async () => '/somewhere.csv'
    expect(await saveCsv({ dispatch, pickPath, write: failing('ENOSPC') }, 'contacts-csv', {})).toMatchObject({ ok: false, error: { type: 'disk-full' } })
    expect(await saveCsv({ dispatch, pickPath, write: failing('EACCES') }, 'contacts-csv', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/may not write there/) },
    })
  })
})
