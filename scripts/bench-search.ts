// Local search alone, without a sync: the bench account (the sandbox's generator, same
// seed and size as bench:sync and bench:ui: 10k contacts, 2k conversations, 110k messages
// of realistic Arabic and English text) written straight into a store through the store's
// own write functions, then the per-keystroke search timed (lib/search-bench.ts).
// Run: npm run bench:search  (BENCH_SEARCH_FILE=path keeps the built file for the next run)
import { copyFileSync, existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contact as contactSchema } from '../src/main/core/skylight/resources/contacts'
import { conversation as conversationSchema, message as messageSchema } from '../src/main/core/skylight/resources/messages'
import { openStore, upsertContacts, upsertConversations, upsertMessages } from '../src/main/core/store'
import { dumpAccount } from '../src/sandbox/data/dump'
import { generateWorld } from '../src/sandbox/data/generate'
import { World } from '../src/sandbox/data/world'
import { SIZE_PRESETS } from '../src/sandbox/options'
import { cpuSnapshot, describeShare } from './lib/machine-share'
import { benchPrefixSearch, printPrefixSearch } from './lib/search-bench'

const PAGE = 100

function buildAccount(path: string): number {
  const world = new World(1, Date.now, 'desc')
  generateWorld(world, 1, SIZE_PRESETS.bench)
  const dump = dumpAccount(world, world.accounts[0]!)
  const store = openStore({ path })
  try {
    const contacts = dump.contacts.map((c) => contactSchema.parse(c))
    for (let i = 0; i < contacts.length; i += PAGE) upsertContacts(store.db, contacts.slice(i, i + PAGE))
    const conversations = dump.conversations.map((c) => conversationSchema.parse(c))
    for (let i = 0; i < conversations.length; i += PAGE) upsertConversations(store.db, conversations.slice(i, i + PAGE))
    let messages = 0
    for (const [contactId, list] of Object.entries(dump.messages)) {
      const parsed = list.map((m) => messageSchema.parse(m))
      for (let i = 0; i < parsed.length; i += PAGE) upsertMessages(store.db, Number(contactId), parsed.slice(i, i + PAGE))
      messages += parsed.length
    }
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    return messages
  } finally {
    store.close()
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-search-'))
  const kept = process.env.BENCH_SEARCH_FILE
  const path = join(dir, 'account.sqlite')
  try {
    const started = performance.now()
    if (kept && existsSync(kept)) {
      copyFileSync(kept, path)
      console.log(`bench account read from ${kept}`)
    } else {
      const messages = buildAccount(path)
      console.log(`bench account written: ${messages.toLocaleString('en')} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      if (kept) copyFileSync(path, kept)
    }
    // Opening applies any migration the kept file lacks (a rebuilt index is timed here).
    const opened = performance.now()
    const store = openStore({ path })
    try {
      const applied = store.appliedMigrations
      if (applied.length > 0) console.log(`migrations applied at open: ${applied.join(', ')} (${((performance.now() - opened) / 1000).toFixed(1)} s)`)
      console.log('\nmessage search as typed (20 runs a prefix)')
      const from = cpuSnapshot()
      printPrefixSearch(benchPrefixSearch(store))
      console.log(`processors meanwhile: ${describeShare(from)}`)
    } finally {
      store.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
