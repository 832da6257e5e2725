// The outbox in its own process, for stress-outbox.ts to SIGKILL at random moments.
// argv: <store path> <sandbox url> <api key> <plan json path> [--enqueue] [--retry-failed]
// Prints "enqueued <n>" once the plan is queued and "drained <counts>" when nothing is left.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Outbox } from '../../src/main/core/outbox'
import { createSkyLightApi, RateBudget } from '../../src/main/core/skylight'
import { openStore } from '../../src/main/core/store'
import type { RunPlan } from './outbox-stress-plan'

const [path, url, apiKey, planPath, ...flags] = process.argv.slice(2) as [string, string, string, string, ...string[]]
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
})
const outbox = new Outbox({
  api,
  db: store.db,
  stagingDir: join(dirname(path), 'staging'),
  onEvent: () => {},
  timings: { retryBaseMs: 20, retryMaxMs: 300, maxRetryMs: 10 * 60_000, concurrency: 4, progressEveryMs: 1_000 },
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
outbox.start()
const timer = setInterval(() => {
  const counts = outbox.counts()
  if (counts.queued + counts.inFlight > 0) return
  clearInterval(timer)
  console.log(`drained ${JSON.stringify({ counts, failed: outbox.list({ states: ['failed'] }).map((a) => `${a.summary}: ${a.lastError?.message}`) })}`)
  void outbox.stop().then(() => {
    store.close()
    process.exit(0)
  })
}, 10)
