// What the store's safety checks cost on an account the size of a busy one (the sandbox's
// `bench` size: 10k contacts, 2k conversations, 110k messages): `PRAGMA quick_check` at
// open (run at every open of the core's connection, see store/integrity.ts), and the
// write rate of sync-shaped commits (100 messages each) with synchronous=NORMAL (the sync
// thread's connection) vs FULL (the core's, which writes the outbox), plus the cost of
// one small outbox-sized commit in each mode. Run: npx tsx scripts/bench-store-durability.ts
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../src/sandbox'
import { contact as contactSchema } from '../src/main/core/skylight/resources/contacts'
import { conversation as conversationSchema, message as messageSchema } from '../src/main/core/skylight/resources/messages'
import { openStore, upsertContacts, upsertConversations, upsertMessages, type Store } from '../src/main/core/store'
import { quickCheck } from '../src/main/core/store/integrity'

const PER_PAGE = 100
const ms = (n: number) => `${n.toFixed(1)} ms`
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-durability-'))
  const sandbox = await startSandbox({ size: 'bench', accounts: 1 })
  try {
    const dump = sandbox.control.dump(sandbox.accounts[0]!.id) as any
    const contacts = (dump.contacts as unknown[]).map((c) => contactSchema.parse(c))
    const conversations = (dump.conversations as unknown[]).map((c) => conversationSchema.parse(c))
    const messages = Object.entries(dump.messages as Record<string, unknown[]>).map(([contactId, list]) => ({
      contactId: Number(contactId),
      list: list.map((m) => messageSchema.parse(m)),
    }))
    const messageCount = messages.reduce((n, m) => n + m.list.length, 0)
    console.log(`account: ${contacts.length} contacts, ${conversations.length} conversations, ${messageCount} messages`)

    /** Writes the whole account as sync does (a page a commit); returns messages a second. */
    function fill(store: Store): number {
      for (let i = 0; i < contacts.length; i += PER_PAGE) upsertContacts(store.db, contacts.slice(i, i + PER_PAGE))
      for (let i = 0; i < conversations.length; i += PER_PAGE) upsertConversations(store.db, conversations.slice(i, i + PER_PAGE))
      const start = performance.now()
      for (const { contactId, list } of messages) {
        for (let i = 0; i < list.length; i += PER_PAGE) upsertMessages(store.db, contactId, list.slice(i, i + PER_PAGE))
      }
      return messageCount / ((performance.now() - start) / 1000)
    }

    console.log('\nsync-shaped writes (100 messages a commit)')
    const rates: Record<string, number> = {}
    for (const durability of ['normal', 'full'] as const) {
      const store = openStore({ path: join(dir, `${durability}.sqlite`), durability })
      rates[durability] = fill(store)
      // An outbox-sized commit: one queued action.
      const insert = store.sqlite.prepare(
        `INSERT INTO outbox_actions (kind, version, payload, lane, state, created_at, updated_at) VALUES ('bench', 1, '{}', 'bench', 'done', ?, ?)`,
      )
      const times: number[] = []
      for (let i = 0; i < 200; i++) {
        const start = performance.now()
        insert.run(i, i)
        times.push(performance.now() - start)
      }
      store.close()
      console.log(
        `  synchronous=${durability.toUpperCase().padEnd(6)}: ${Math.round(rates[durability]!).toLocaleString('en')} messages/s; one outbox commit median ${ms(median(times))}`,
      )
    }
    console.log(`  FULL writes at ${((rates.full! / rates.normal!) * 100).toFixed(0)}% of NORMAL's rate (the sync thread keeps NORMAL)`)

    const path = join(dir, 'normal.sqlite')
    const size = (await stat(path)).size
    console.log(`\nquick_check at open (file ${(size / 1024 / 1024).toFixed(1)} MB)`)
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const store = openStore({ path, checkIntegrity: false })
      const start = performance.now()
      const result = quickCheck(store.sqlite)
      times.push(performance.now() - start)
      store.close()
      if (result !== null) throw new Error(`quick_check found damage: ${result}`)
    }
    console.log(`  quick_check: median ${ms(median(times))}, first (cold-ish) ${ms(times[0]!)} — reference: under 1 s is cheap enough for every start`)
  } finally {
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
