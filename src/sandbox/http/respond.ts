// What handlers return (a description of the response, written later by the pipeline,
// which may delay, drop or truncate it) and the docs' envelope helpers.
import type { MediaSource } from '../data/model'

interface ResultBase {
  status: number
  headers?: Record<string, string>
  /** Did the server change or record something? Defaults to "mutating method and status < 400". */
  acted?: boolean
  createdId?: number
  /** What the request log shows as the request body when it is not plain JSON (uploads). */
  logBody?: unknown
  /** Runs once the response has been written completely (e.g. going offline after answering). */
  after?: () => void
}

export interface JsonResult extends ResultBase {
  kind: 'json'
  body: unknown
}

export interface EmptyResult extends ResultBase {
  kind: 'empty'
}

export interface FileResult extends ResultBase {
  kind: 'file'
  contentType: string
  size: number
  source: MediaSource
}

export type Result = JsonResult | EmptyResult | FileResult

/** Thrown anywhere in a handler to answer with an error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? status))
  }
}

export function json(status: number, body: unknown, extra: Partial<ResultBase> = {}): JsonResult {
  return { kind: 'json', status, body, ...extra }
}

export function ok(data: unknown, message?: string): JsonResult {
  return json(200, message === undefined ? { success: true, data } : { success: true, data, message })
}

export function created(data: unknown & { id: number }, message?: string): JsonResult {
  return json(201, message === undefined ? { success: true, data } : { success: true, data, message }, { createdId: data.id })
}

export function noContent(): EmptyResult {
  return { kind: 'empty', status: 204 }
}

export function fail(status: number, message: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, { success: false, message, ...extra })
}

export function notFound(what: string): HttpError {
  return fail(404, `${what} not found.`)
}

export function validationFailed(errors: Record<string, string[]>): HttpError {
  return fail(422, 'The given data was invalid.', { errors })
}

export const SERVER_ERROR_MESSAGE = 'An unexpected error occurred. Please try again later.'
