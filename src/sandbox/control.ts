// The test-only control surface (also served over HTTP by routes/control.ts).
import type { AccountStore } from './data/account-store'
import { type AccountDump, dumpAccount } from './data/dump'
import { receiveMessage } from './data/messaging'
import type { ChannelType } from './data/model'
import { channelJson, messageJson } from './data/serialize'
import { supportReply, ticketReplyJson } from './data/tickets'
import { addWebChatMessage, newSessionId, webChatSessionJson } from './data/web-chat'
import type { World } from './data/world'
import type { FaultInjector, FaultSettings } from './http/faults'
import type { FixedWindowLimiter } from './http/rate-limit'
import type { RequestLog, RequestLogEntry } from './http/request-log'
import type { ListeningServer } from './http/server'
import { DEFAULT_AUTO_ADVANCE, type AutoAdvanceOptions, type RateLimitOptions } from './options'
import { advanceCampaigns, advanceMessages, type AutoAdvance } from './simulation'

export interface InjectInboundInput {
  /** Default: the first account. */
  accountId?: number
  /** Default: a random non-blacklisted contact of the account. */
  contactId?: number
  /** Default: a random generated text. */
  content?: string
}

export interface AdvanceInput {
  /** Message status steps (sent → delivered → read). */
  messages?: number
  /** Campaign delivery steps. */
  campaigns?: number
  /** Default: every account. */
  accountId?: number
}

export interface SupportReplyInput {
  /** Default: the first account. */
  accountId?: number
  /** Default: the account's newest ticket that is not closed. */
  ticketId?: number
  /** Default: a short answer. */
  message?: string
}

export interface VisitorInput {
  accountId?: number
  /** Default: a new session (a new visitor on the site). */
  sessionId?: string
  message?: string
  /** The visitor asks for a human: the session waits for one (handled_by "pending"). */
  askForHuman?: boolean
  visitorName?: string
}

export type FaultPatch = Partial<FaultSettings>

export interface ControlDeps {
  world: World
  faults: FaultInjector
  log: RequestLog
  limiter: FixedWindowLimiter
  server: ListeningServer
  autoAdvance: AutoAdvance
}

export function createControl(deps: ControlDeps) {
  const { world, faults, log, limiter, server, autoAdvance } = deps

  const account = (id: number | undefined): AccountStore => {
    const store = id === undefined ? world.accounts[0] : world.account(id)
    if (!store) throw new Error(`No account ${String(id)}`)
    return store
  }

  const setOffline = async (offline: boolean): Promise<void> => {
    faults.update({ offline })
    if (offline) await server.stop()
    else await server.restart()
  }

  return {
    /** A message from a contact; it shows up in conversations (with unread_count) and the contact's history. */
    injectInbound(input: InjectInboundInput = {}) {
      const store = account(input.accountId)
      const message = receiveMessage(world, store, input, world.now())
      return messageJson(message)
    },

    /** SkyLight's support answers a ticket: the reply is added and the ticket becomes `answered`. */
    supportReply(input: SupportReplyInput = {}) {
      const store = account(input.accountId)
      const open = [...store.tickets.values()].filter((t) => t.status !== 'closed').sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
      const ticket = input.ticketId === undefined ? open[0] : store.tickets.get(input.ticketId)
      if (!ticket) throw new Error(input.ticketId === undefined ? 'The account has no open ticket.' : `No ticket ${input.ticketId} in account ${store.id}`)
      const message = input.message ?? 'Thanks for your patience — we are looking into it.'
      return { ticketId: ticket.id, ...ticketReplyJson(supportReply(world, ticket, message, world.now())) }
    },

    /** A booking deleted in the dashboard (the API has no delete): the next full pass must notice. */
    removeBooking(accountId: number, bookingId: number): boolean {
      return account(accountId).bookings.delete(bookingId)
    },

    /** A ticket removed by support (the API has no delete): the next full read must notice. */
    removeTicket(accountId: number, ticketId: number): boolean {
      return account(accountId).tickets.delete(ticketId)
    },

    /** A web chat session purged on SkyLight's side (the API has no delete). */
    removeWebChatSession(accountId: number, sessionId: string): boolean {
      return account(accountId).webChatSessions.delete(sessionId)
    },

    /** A website visitor writes, and may ask for a human; without a session id a new one starts. */
    visitorMessage(input: VisitorInput = {}) {
      const store = account(input.accountId)
      const now = world.now()
      let session = input.sessionId === undefined ? undefined : store.webChatSessions.get(input.sessionId)
      if (input.sessionId !== undefined && !session) throw new Error(`No web chat session ${input.sessionId} in account ${store.id}`)
      if (!session) {
        session = {
          sessionId: newSessionId(world.runtimeRandom),
          status: 'active',
          handledBy: 'ai',
          visitorName: input.visitorName ?? 'Website visitor',
          visitorEmail: null,
          visitorPhone: null,
          visitorIp: '10.9.0.1',
          pageUrl: 'https://shop.example.com/help',
          referrer: null,
          humanRequestedAt: null,
          humanTookOverAt: null,
          messages: [],
          lastActivityAt: now,
          createdAt: now,
        }
        store.webChatSessions.set(session.sessionId, session)
      }
      if (session.status === 'ended') throw new Error('That session has ended.')
      addWebChatMessage(world, session, 'visitor', input.message ?? (input.askForHuman ? 'Can I talk to a person, please?' : 'Hello?'), now)
      if (input.askForHuman && session.handledBy === 'ai') {
        session.handledBy = 'pending'
        session.humanRequestedAt = now
      }
      return webChatSessionJson(session)
    },

    advanceMessages(steps = 1, accountId?: number): number {
      return advanceMessages(world, steps, accountId)
    },

    advanceCampaigns(steps = 1, accountId?: number): number {
      return advanceCampaigns(world, steps, accountId)
    },

    advance(input: AdvanceInput = {}): { messages: number; campaigns: number } {
      return {
        messages: advanceMessages(world, input.messages ?? 0, input.accountId),
        campaigns: advanceCampaigns(world, input.campaigns ?? 0, input.accountId),
      }
    },

    /** false stops the timers; an object (missing fields take the defaults) starts them. */
    setAutoAdvance(options: false | Partial<AutoAdvanceOptions>): void {
      autoAdvance.set(options === false ? null : { ...DEFAULT_AUTO_ADVANCE, ...options })
    },

    setChannelConnected(accountId: number, type: ChannelType, connected: boolean) {
      const channel = account(accountId).channel(type)
      if (!channel) throw new Error(`Account ${accountId} has no ${type} channel`)
      channel.connected = connected
      // The status word follows the switch (OK / STOPPED), whatever a connect flow left.
      delete channel.syncStatus
      if (connected) channel.lastSyncedAt = world.now()
      return channelJson(channel)
    },

    /** null = unlimited. Uploads answer 403 once the account holds `max` files. */
    setMediaLimit(accountId: number, max: number | null): void {
      account(accountId).limits.mediaFiles = max
    },

    /** Merges into the current faults (rules are appended); `offline` starts/stops listening. */
    async setFaults(patch: FaultPatch): Promise<void> {
      const { offline, ...rest } = patch
      faults.update(rest)
      if (offline !== undefined && offline !== !server.online) await setOffline(offline)
    },

    /** No faults, and listening again if offline. */
    async clearFaults(): Promise<void> {
      faults.clear()
      if (!server.online) await setOffline(false)
    },

    setOffline,

    getFaults(): FaultSettings {
      return faults.settings
    },

    requestLog(): RequestLogEntry[] {
      return log.list()
    },

    clearRequestLog(): void {
      log.clear()
    },

    /** Same as clearRequestLog(). */
    clearLog(): void {
      log.clear()
    },

    dump(accountId: number): AccountDump {
      return dumpAccount(world, account(accountId))
    },

    setRateLimit(options: RateLimitOptions): void {
      limiter.configure(options)
    },

    getRateLimit(): RateLimitOptions {
      return limiter.settings
    },
  }
}

export type SandboxControl = ReturnType<typeof createControl>
