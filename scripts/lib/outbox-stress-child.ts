// The outbox in its own process, for stress-outbox.ts to SIGKILL at random moments.
// argv: <store path> <sandbox url> <api key> <plan json path> [--enqueue] [--retry-failed]
//       [--skew <ms>] [--decide <json {actionId: "mark-sent" | "send-anyway"}>]
// Prints "enqueued <n>" once the plan is queued and "drained <counts>" when nothing is left,
// with the actions that wait for the user to say whether a record found is theirs.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Outbox } from '../../src/main/core/outbox'
import { refsOf } from '../../src/main/core/outbox/payload'
import { getAction } from '../../src/main/core/outbox/queue-store'
import { createSkyLightApi, RateBudget } from '../../src/main/core/skylight'
import { openStore } from '../../src/main/core/store'
import type { RunPlan } from './outbox-stress-plan'

const [path, url, apiKey, planPath, ...flags] = process.argv.slice(2) as [string, string, string, string, ...string[]]
const flag = (name: string) => (flags.includes(name) ? flags[flags.indexOf(name) + 1] : undefined)
// This computer's clock, off by the run's skew.
const skew = Number(flag('--skew') ?? 0)
const now = () => Date.now() + skew
const plan = JSON.parse(readFileSync(planPath, 'utf8')) as RunPlan
const store = openStore({ path })
const api = createSkyLightApi({
  baseUrl: url,
  apiKey,
  budget: new RateBudget({ limit: 600, windowMs: 1000 }),
  timeoutMs: 3_000,
  retryBaseMs: 10,
  retryMaxMs: 100,
  maxAttempts: 3,
  maxRateLimitWaitMs: 30_000,
  now,
})
const outbox = new Outbox({
  api,
  db: store.db,
  stagingDir: join(dirname(path), 'staging'),
  onEvent: () => {},
  timings: { retryBaseMs: 20, retryMaxMs: 300, maxRetryMs: 10 * 60_000, concurrency: 4, progressEveryMs: 1_000 },
  now,
})

if (flags.includes('--enqueue')) {
  let newContact = 0
  for (const a of plan.actions) {
    const on = (c: number | 'new') => (c === 'new' ? newContact : c)
    switch (a.kind) {
      case 'send':
        outbox.sendMessage({ contactId: on(a.contact), text: a.text })
        break
      case 'upload':
        await outbox.uploadMedia({ path: join(dirname(path), a.file), name: a.name })
        break
      case 'create-contact':
        newContact = outbox.createContact({ name: a.name, phone: a.phone, type: 'whatsapp' }).localContactId
        break
      case 'note':
        outbox.addNote(on(a.contact), a.text)
        break
      case 'tag':
        outbox.addTag(a.contact, a.title)
        break
      case 'rename-contact':
        outbox.updateContact(a.contact, { name: a.name })
        break
      case 'toggle-blacklist':
        outbox.toggleBlacklist(a.contact)
        break
      case 'create-campaign': {
        const { localCampaignId } = outbox.createCampaign({ name: a.name, message: a.message, channel_id: plan.channelId, contact_ids: plan.contacts.slice(-1) })
        if (a.start) outbox.campaignCommand(localCampaignId, 'start')
        break
      }
      case 'web-chat-reply':
        if (plan.webChatSessionId) outbox.queue('web-chat-reply', { sessionId: plan.webChatSessionId, text: a.text })
        break
      case 'ticket': {
        const { localId } = outbox.queue('create-ticket', { subject: a.subject, body: `${a.subject}: first message` })
        outbox.queue('reply-ticket', { ticketId: localId!, text: a.reply })
        break
      }
    }
  }
  console.log(`enqueued ${plan.actions.length}`)
}
if (flags.includes('--retry-failed')) {
  for (const a of outbox.list({ states: ['failed'] })) if (a.lastError?.retryable) outbox.retry(a.id)
}
// The user's answers for actions that asked whether a record found on the server is theirs.
for (const [id, choice] of Object.entries(JSON.parse(flag('--decide') ?? '{}') as Record<string, string>)) {
  if (choice === 'mark-sent') outbox.markSent(Number(id))
  else outbox.retry(Number(id))
}
/** What a waiting action carries, so the harness can answer as a user who looks at SkyLight would. */
function asked() {
  return outbox
    .list({ states: ['failed'] })
    .filter((a) => a.lastError?.type === 'needs-decision')
    .map((a) => {
      const p = getAction(store.db, a.id)!.payload as Record<string, unknown>
      return { id: a.id, kind: a.kind, contactId: p.contactId, key: p.text ?? p.originalName ?? p.phone ?? p.name ?? p.subject }
    })
}
outbox.start()
const timer = setInterval(() => {
  const counts = outbox.counts()
  // Queued actions that wait for an entity whose creation waits for the user are settled too.
  const runnable = outbox.list({ states: ['queued'] }).filter((a) => !refsOf(getAction(store.db, a.id)!.payload).some((r) => r.id < 0))
  if (runnable.length + counts.inFlight > 0) return
  clearInterval(timer)
  const failed = outbox.list({ states: ['failed'] }).filter((a) => a.lastError?.type !== 'needs-decision')
  console.log(`drained ${JSON.stringify({ counts, failed: failed.map((a) => `${a.summary}: ${a.lastError?.message}`), asked: asked() })}`)
  void outbox.stop().then(() => {
    store.close()
    process.exit(0)
  })
}, 10)
