// Real store files in temp folders, and API records built through the client's own zod
// schemas so they have exactly the shape sync will hand the store.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openStore, type Store } from '../../../src/main/core/store'
import { campaign, campaignContact } from '../../../src/main/core/skylight/resources/campaigns'
import { contact } from '../../../src/main/core/skylight/resources/contacts'
import { group, member } from '../../../src/main/core/skylight/resources/groups'
import { mediaFile } from '../../../src/main/core/skylight/resources/media'
import { conversation, message } from '../../../src/main/core/skylight/resources/messages'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skylight-store-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Opens a store in a fresh temp folder; closed and removed after the test. */
export function openTempStore(path = join(tempDir(), 'account.sqlite')): Store {
  const store = openStore({ path })
  cleanups.push(() => store.close())
  return store
}

export const afterTest = (cleanup: () => void) => cleanups.push(cleanup)

export const apiContact = (fields: Record<string, unknown>) => contact.parse(fields)
export const apiConversation = (fields: Record<string, unknown>) => conversation.parse(fields)
export const apiMessage = (fields: Record<string, unknown>) => message.parse(fields)
export const apiMedia = (fields: Record<string, unknown>) => mediaFile.parse({ url: `https://cdn.example/${String(fields.id)}`, ...fields })
export const apiGroup = (fields: Record<string, unknown>) => group.parse(fields)
export const apiMember = (fields: Record<string, unknown>) => member.parse(fields)
export const apiCampaign = (fields: Record<string, unknown>) => campaign.parse({ status: 'draft', ...fields })
export const apiCampaignContact = (fields: Record<string, unknown>) => campaignContact.parse({ status: 'pending', ...fields })

/** Minutes after a fixed instant, as the API's ISO text. */
export const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 9, 0) + minutes * 60_000).toISOString()
