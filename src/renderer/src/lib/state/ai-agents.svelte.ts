// The AI agents view: the list (default first), the persona open in the editor, and what
// the user does to it. Every change is queued in the outbox, so it works offline and shows
// at once (marked pending until SkyLight has it).
import type { AiAgentDetail, AiAgentItem } from '../../../../shared/contract'
import { messageOf } from '../actions'
import { call, DeskError } from '../desk'
import { m } from '../i18n.svelte'

export interface GuidelineRow {
  key: string
  value: string
}

/** The documented example keys, offered for a new persona. */
const STARTER_GUIDELINES: GuidelineRow[] = [
  { key: 'language', value: '' },
  { key: 'tone', value: '' },
  { key: 'max_length', value: '' },
]

export class AiAgentsState {
  #items = $state.raw<AiAgentItem[]>([])
  #detail = $state.raw<AiAgentDetail | null>(null)
  #selectedId = $state<number | null>(null)
  #creating = $state(false)
  #loaded = $state(false)
  #error = $state<string | null>(null)
  #message = $state<string | null>(null)
  #saving = $state(false)
  #errors = $state<Record<string, string>>({})

  name = $state('')
  systemPrompt = $state('')
  instructionPrompt = $state('')
  personalityPrompt = $state('')
  guidelines = $state<GuidelineRow[]>([])
  isActive = $state(true)

  get items(): AiAgentItem[] {
    return this.#items
  }
  get detail(): AiAgentDetail | null {
    return this.#detail
  }
  get selectedId(): number | null {
    return this.#selectedId
  }
  get creating(): boolean {
    return this.#creating
  }
  get loaded(): boolean {
    return this.#loaded
  }
  get error(): string | null {
    return this.#error
  }
  /** What the last action did, or why it could not. */
  get message(): string | null {
    return this.#message
  }
  get saving(): boolean {
    return this.#saving
  }
  get errors(): Record<string, string> {
    return this.#errors
  }
  readonly defaultAgent: AiAgentItem | undefined = $derived(this.#items.find((a) => a.isDefault))

  async reload(): Promise<void> {
    try {
      this.#items = (await call('ai-agents-list', {})).items
      this.#error = null
      // A persona created offline takes the server's id later; the open one follows by name.
      if (this.#selectedId !== null && !this.#items.some((a) => a.id === this.#selectedId)) {
        const same = this.#sameAs()
        this.#selectedId = same?.id ?? null
        if (!same) this.#detail = null
      }
      if (this.#selectedId !== null && !this.#creating) await this.#loadDetail(this.#selectedId, false)
    } catch (error) {
      this.#error = messageOf(error, m.agents_read_failed())
    } finally {
      this.#loaded = true
    }
  }

  async open(id: number): Promise<void> {
    this.#creating = false
    this.#selectedId = id
    this.#message = null
    await this.#loadDetail(id, true)
  }

  startNew(): void {
    this.#creating = true
    this.#selectedId = null
    this.#detail = null
    this.#message = null
    this.#fill(null)
  }

  /** The agent a local id became: the same name as the one open (or just saved). */
  #sameAs(): AiAgentItem | undefined {
    const name = this.#detail?.name ?? this.name.trim()
    return this.#items.find((a) => a.id > 0 && a.name === name)
  }

  async #loadDetail(id: number, fillForm: boolean): Promise<void> {
    try {
      const detail = await call('ai-agent-get', { id })
      this.#detail = detail
      this.#selectedId = detail.id
      if (fillForm) this.#fill(detail)
    } catch (error) {
      if (!(error instanceof DeskError && error.type === 'not-found')) {
        this.#error = messageOf(error, m.agents_agent_read_failed())
        return
      }
      // Created offline and already carried out: the local id is gone, the server's is here.
      if (id < 0) {
        this.#items = (await call('ai-agents-list', {})).items
        const same = this.#sameAs()
        if (same) return this.#loadDetail(same.id, fillForm)
      }
      this.#detail = null
      this.#selectedId = null
    }
  }

  #fill(detail: AiAgentDetail | null): void {
    this.name = detail?.name ?? ''
    this.systemPrompt = detail?.systemPrompt ?? ''
    this.instructionPrompt = detail?.instructionPrompt ?? ''
    this.personalityPrompt = detail?.personalityPrompt ?? ''
    const rows = Object.entries(detail?.responseGuidelines ?? {}).map(([key, value]) => ({ key, value }))
    this.guidelines = detail ? rows : STARTER_GUIDELINES.map((r) => ({ ...r }))
    this.isActive = detail?.isActive ?? true
    this.#errors = {}
  }

  addGuideline(): void {
    this.guidelines = [...this.guidelines, { key: '', value: '' }]
  }

  removeGuideline(index: number): void {
    this.guidelines = this.guidelines.filter((_, i) => i !== index)
  }

  validate(): boolean {
    const errors: Record<string, string> = {}
    if (this.name.trim() === '') errors.name = m.agents_give_name()
    if (this.systemPrompt.trim() === '') errors.systemPrompt = m.agents_write_system()
    const keys = this.guidelines.filter((g) => g.value.trim() !== '').map((g) => g.key.trim())
    if (keys.some((k) => k === '')) errors.guidelines = m.agents_guideline_needs_name()
    else if (new Set(keys).size !== keys.length) errors.guidelines = m.agents_guideline_twice()
    this.#errors = errors
    return Object.keys(errors).length === 0
  }

  /** Queues the create or edit; returns the agent's id (local for a new one) or null. */
  async save(): Promise<number | null> {
    if (!this.validate() || this.#saving) return null
    this.#saving = true
    const fields = {
      name: this.name.trim(),
      systemPrompt: this.systemPrompt.trim(),
      instructionPrompt: this.instructionPrompt.trim() || null,
      personalityPrompt: this.personalityPrompt.trim() || null,
      responseGuidelines: Object.fromEntries(this.guidelines.filter((g) => g.value.trim() !== '').map((g) => [g.key.trim(), g.value.trim()])),
      isActive: this.isActive,
    }
    try {
      let id: number
      if (this.#creating) {
        id = (await call('ai-agent-create', fields)).localId
        this.#creating = false
      } else {
        id = this.#selectedId!
        await call('ai-agent-update', { id, changes: fields })
      }
      this.#selectedId = id
      this.#message = m.agents_saved()
      await this.reload()
      await this.#loadDetail(id, true)
      return id
    } catch (error) {
      this.#message = messageOf(error, m.agents_save_failed())
      return null
    } finally {
      this.#saving = false
    }
  }

  async makeDefault(id: number): Promise<void> {
    await this.#queue(() => call('ai-agent-set-default', { id }), m.agents_now_default())
  }

  /** Deletes the agent; `successor`, when given, becomes the default (a default was deleted). */
  async remove(id: number, successor: number | null): Promise<void> {
    await this.#queue(async () => {
      if (successor !== null) await call('ai-agent-set-default', { id: successor })
      await call('ai-agent-delete', { id })
    }, m.agents_deleted())
    if (this.#selectedId === id) {
      this.#selectedId = null
      this.#detail = null
    }
  }

  async #queue(work: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await work()
      this.#message = done
    } catch (error) {
      this.#message = messageOf(error, m.agents_failed())
    }
    await this.reload()
  }
}
