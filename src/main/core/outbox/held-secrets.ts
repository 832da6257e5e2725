// Credentials an action needs when it is carried out but that must never be written with
// it (a new team member's password): the payload on disk holds only a random reference,
// the secret itself stays in this process's memory. After a restart the reference finds
// nothing and the action fails with a message asking for the password again. Webhook
// secrets the server hands back once (a queued create) wait here too, until the user asks
// to see them.
import { randomUUID } from 'node:crypto'
import type { SecretRedactor } from '../log'

const held = new Map<string, string>()
const revealed = new Map<number, string>()
let redactor: SecretRedactor | undefined

/** The log's redactor, so a held secret can never appear in a log line. */
export function redactHeldSecretsWith(r: SecretRedactor | undefined): void {
  redactor = r
}

export function holdSecret(secret: string): string {
  const ref = randomUUID()
  held.set(ref, secret)
  redactor?.addSecret(secret)
  return ref
}

export function heldSecret(ref: string | null | undefined): string | undefined {
  return ref ? held.get(ref) : undefined
}

export function dropSecret(ref: string | null | undefined): void {
  if (!ref) return
  const secret = held.get(ref)
  held.delete(ref)
  if (secret) redactor?.removeSecret(secret)
}

/** A webhook's new signing secret, kept until the user asks to see it (once). */
export function keepRevealedSecret(webhookId: number, secret: string): void {
  revealed.set(webhookId, secret)
  redactor?.addSecret(secret)
}

export function takeRevealedSecret(webhookId: number): string | null {
  const secret = revealed.get(webhookId) ?? null
  revealed.delete(webhookId)
  return secret
}

/** A secret answered straight to the user (a rotated webhook secret): never logged either. */
export function redactSecret(secret: string): void {
  redactor?.addSecret(secret)
}

export function hasRevealedSecret(webhookId: number): boolean {
  return revealed.has(webhookId)
}
