// The list of accounts added to this install: ids, names, server addresses — never keys.
// Kept as a small JSON file beside the per-account folders, written atomically so a crash
// mid-write leaves the previous version.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'

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

export async function loadRegistry(dataDir: string): Promise<Registry> {
  let text: string
  try {
    text = await readFile(registryPath(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, activeId: null, accounts: [] }
    throw error
  }
  const parsed = registryFile.safeParse(JSON.parse(text))
  if (!parsed.success) {
    throw new Error(`The account list at ${registryPath(dataDir)} is damaged: ${parsed.error.issues[0]?.message}`)
  }
  return parsed.data
}

export async function saveRegistry(dataDir: string, registry: Registry): Promise<void> {
  const path = registryPath(dataDir)
  await mkdir(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, `${JSON.stringify(registry, null, 2)}\n`, { mode: 0o600 })
  await rename(temp, path)
}
