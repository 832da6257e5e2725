// The list of accounts added to this install: ids, names, server addresses — never keys.
// Kept as a small JSON file beside the per-account folders, written atomically (temp file,
// fsync, rename) so a crash or power cut mid-write leaves the previous version. A damaged
// one is set aside as accounts.json.damaged-<time> and the app starts with no accounts and
// a message, instead of quitting before it has a window.
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { setAside, writeFileAtomic } from '../atomic-file'
import { savingTo } from '../disk-full'
import { t } from '../language'

export const accountRecord = z.object({
  /** Local id: names the account's folder and its keychain entry. */
  id: z.string().regex(/^[a-z0-9-]{8,64}$/),
  /** SkyLight's own id for the account. */
  serverId: z.number().int(),
  name: z.string(),
  baseUrl: z.string().url(),
  /** Where the key is: the OS keychain, memory for this session, or the built-in demo server. */
  keyStorage: z.enum(['keychain', 'session', 'demo']),
  addedAt: z.string(),
  /** Set when SkyLight rejected the key: sync stops until a new key is given. */
  keyRejectedAt: z.string().nullable().default(null),
})
export type AccountRecord = z.output<typeof accountRecord>

const registryFile = z.object({
  version: z.literal(1),
  activeId: z.string().nullable(),
  accounts: z.array(accountRecord),
})
export type Registry = z.output<typeof registryFile>

export function registryPath(dataDir: string): string {
  return join(dataDir, 'accounts.json')
}

const empty = (): Registry => ({ version: 1, activeId: null, accounts: [] })

async function readRegistry(dataDir: string): Promise<{ registry: Registry } | { damaged: string } | null> {
  let text: string
  try {
    text = await readFile(registryPath(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { damaged: (error as Error).message }
  }
  const parsed = registryFile.safeParse(json)
  return parsed.success ? { registry: parsed.data } : { damaged: parsed.error.issues[0]?.message ?? 'invalid' }
}

export async function loadRegistry(dataDir: string): Promise<Registry> {
  const read = await readRegistry(dataDir)
  if (read === null) return empty()
  if ('damaged' in read) throw new Error(`The account list at ${registryPath(dataDir)} is damaged: ${read.damaged}`)
  return read.registry
}

/**
 * Run before the registry is loaded: a damaged accounts.json is renamed
 * accounts.json.damaged-<time>, so the app starts with no accounts instead of not at all;
 * returns what to tell the user (null when the file is sound or missing).
 */
export async function setAsideDamagedRegistry(dataDir: string, now: number): Promise<string | null> {
  const read = await readRegistry(dataDir)
  if (read === null || !('damaged' in read)) return null
  const aside = await setAside(registryPath(dataDir), now)
  return (
    `The list of your accounts was damaged, so SkyLight Desk started without it (the damaged file was kept as ${basename(aside)}). ` +
    'Add your accounts again: SkyLight keeps their data, and a new copy is downloaded.'
  )
}

export async function saveRegistry(dataDir: string, registry: Registry): Promise<void> {
  await savingTo(t().disk_what_accounts(), () => writeFileAtomic(registryPath(dataDir), `${JSON.stringify(registry, null, 2)}\n`))
}
