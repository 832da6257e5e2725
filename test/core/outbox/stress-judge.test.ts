// The stress harness's judge counts every kind of action exactly, from the server's log:
// a toggle run 3× keeps the flag's parity but is still caught, and so are a tag, a rename
// or a campaign start run twice; a request repeated only because its answer was lost is not.
import { describe, expect, it } from 'vitest'
import { judge, oursActed, type RunPlan } from '../../../scripts/lib/outbox-stress-plan'
import type { AccountDump, RequestLogEntry } from '../../../src/sandbox'

const contact = { id: 7, name: 'r1 renamed 2', phone: '+1', tags: ['r1-tag-1'], blacklisted: true, notes: [] }
const dump = { contacts: [contact], messages: {}, media: [], campaigns: [{ id: 3, name: 'r1 campaign 3', status: 'running' }] } as unknown as AccountDump
const plan: RunPlan = {
  run: 1,
  contacts: [7, 8],
  channelId: 1,
  actions: [
    { kind: 'toggle-blacklist', contact: 7 },
    { kind: 'tag', contact: 7, title: 'r1-tag-1' },
    { kind: 'rename-contact', contact: 7, name: 'r1 renamed 2' },
    { kind: 'create-campaign', name: 'r1 campaign 3', message: 'm', start: true },
  ],
}

let seq = 0
const entry = (method: string, path: string, body: unknown = null, outcome: RequestLogEntry['outcome'] = 'ok'): RequestLogEntry => ({
  seq: ++seq,
  at: '',
  accountId: 1,
  method,
  path: `/api/v1${path}`,
  query: {},
  status: outcome === 'ok' ? 200 : null,
  outcome,
  acted: true,
  body,
})
const once = [
  entry('POST', '/contacts/7/blacklist'),
  entry('POST', '/contacts/7/tags', { title: 'r1-tag-1' }),
  entry('PUT', '/contacts/7', { name: 'r1 renamed 2' }),
  entry('POST', '/campaigns', { name: 'r1 campaign 3' }),
  entry('POST', '/campaigns/3/start'),
]

describe('the stress judge', () => {
  it('passes a run where each action acted once', () => {
    expect(judge(plan, dump, once)).toMatchObject({ lost: [], duplicated: [] })
  })

  it('catches a toggle run 3× (same parity) and a tag, rename and start run 2×', () => {
    const log = [
      ...once,
      entry('POST', '/contacts/7/blacklist'),
      entry('POST', '/contacts/7/blacklist'),
      entry('POST', '/contacts/7/tags', { title: 'r1-tag-1' }),
      entry('PUT', '/contacts/7', { name: 'r1 renamed 2' }),
      entry('POST', '/campaigns/3/start'),
    ]
    const { duplicated } = judge(plan, dump, log)
    expect(duplicated).toHaveLength(4)
    expect(duplicated.join('\n')).toMatch(/blacklist of contact 7 toggled 3×/)
    expect(duplicated.join('\n')).toMatch(/tag r1-tag-1 ×2/)
    expect(duplicated.join('\n')).toMatch(/rename of contact 7 .* ×2/)
    expect(duplicated.join('\n')).toMatch(/start of r1 campaign 3 ×2/)
  })

  it('lets a repeatable action repeat a request whose answer was lost (cut, or replaced by a 502)', () => {
    const log = [
      entry('POST', '/contacts/7/tags', { title: 'r1-tag-1' }, 'fault:drop-after'),
      entry('PUT', '/contacts/7', { name: 'r1 renamed 2' }),
      ...once,
    ]
    const garbled = [{ method: 'PUT', path: '/api/v1/contacts/7', body: { name: 'r1 renamed 2' } }]
    expect(judge(plan, dump, log, { garbled })).toMatchObject({ lost: [], duplicated: [] })
  })

  // Run 193 of a 200-run stress (sandbox-faults) judged a web chat reply sent twice: its
  // send was cut after SkyLight acted, the action asked whether the reply found was its own,
  // and the harness, answering only for some kinds, told it to send anyway.
  it.each([
    ['web-chat-reply', '/web-chat/sessions/sess_1/messages', { message: 'r1 web chat reply' }, 'r1 web chat reply'],
    ['reply-ticket', '/tickets/4/reply', { message: 'r1 ticket reply' }, 'r1 ticket reply'],
    ['create-ticket', '/tickets', { subject: 'r1 ticket', message: 'r1 ticket: first message' }, 'r1 ticket'],
  ])('answers a %s that asks as the user would: mark as sent when its request acted, send anyway when not', (kind, path, body, key) => {
    const acted = [entry('POST', path, body, 'fault:drop-after')]
    expect(oursActed(acted, { id: 1, kind, key })).toBe(true)
    expect(oursActed([{ ...acted[0]!, acted: false }], { id: 1, kind, key })).toBe(false)
  })
})
