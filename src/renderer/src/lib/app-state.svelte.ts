// The frame's state: what the core says about itself, and whether it could be reached.
import { call, DeskError } from './desk'

type CoreInfo = { name: string; version: string; platform: string }

export class AppState {
  #info = $state<CoreInfo | undefined>()
  #error = $state<string | undefined>()

  get info(): CoreInfo | undefined {
    return this.#info
  }

  get error(): string | undefined {
    return this.#error
  }

  async load(): Promise<void> {
    try {
      this.#info = await call('app-info', {})
      this.#error = undefined
    } catch (error) {
      this.#error = error instanceof DeskError ? error.message : 'SkyLight Desk could not reach its core.'
    }
  }
}
