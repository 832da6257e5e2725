// One upload benchmark for every streaming upload (media library, knowledge base): a file at
// the size cap is uploaded through the real client to a sandbox in its own process, first
// untimed while memory is sampled after forced collections, then again, untouched, for its
// time (wall and CPU) and progress events — the forced collections would make a timed run a
// measure of the collector (6.7–10.3 s against 0.6–1.0 s).
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { cpuSnapshot, describeShare } from './machine-share'
import { startSandboxProcess } from './sandbox-process'
import { createSkyLightApi, RateBudget, type SkyLightApi } from '../../src/main/core/skylight'

export interface UploadBench {
  fileName: string
  size: number
  /** Written first, so the file is what its name says (uploads are checked by content). */
  signature?: string
  upload(api: SkyLightApi, file: string, onProgress?: (sent: number) => void): Promise<{ file_size: number | null }>
}

async function writeFile(path: string, size: number, signature = ''): Promise<void> {
  const out = createWriteStream(path)
  out.write(signature)
  const chunk = Buffer.alloc(1024 * 1024, 7)
  for (let written = signature.length; written < size; written += chunk.length) {
    if (!out.write(chunk.subarray(0, Math.min(chunk.length, size - written)))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`

export async function runUploadBench(bench: UploadBench): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-upload-'))
  // In its own process, so the figures below are the client's alone.
  const sandbox = await startSandboxProcess(['--size', 'small', '--accounts', '1', '--still'])
  try {
    const file = join(dir, bench.fileName)
    await writeFile(file, bench.size, bench.signature)
    const api = createSkyLightApi({ baseUrl: sandbox.url, apiKey: sandbox.accounts[0]!.apiKey, budget: new RateBudget({ limit: 120, windowMs: 60_000 }) })

    global.gc?.()
    const base = process.memoryUsage()
    let peakRss = base.rss
    let peakHeap = base.heapUsed + base.external + base.arrayBuffers
    // Collect before each sample so the figure is memory the upload holds, not garbage that
    // V8 has yet to reclaim (it collects external buffers only every few tens of MB).
    const sample = setInterval(() => {
      global.gc?.()
      const m = process.memoryUsage()
      peakRss = Math.max(peakRss, m.rss)
      peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers)
    }, 5)
    await bench.upload(api, file)
    clearInterval(sample)

    let events = 0
    let lastSent = 0
    const cpuBefore = process.cpuUsage()
    const from = cpuSnapshot()
    const started = performance.now()
    const uploaded = await bench.upload(api, file, (sent) => {
      events++
      lastSent = sent
    })
    const seconds = (performance.now() - started) / 1000
    const cpu = process.cpuUsage(cpuBefore)

    console.log(`file size:            ${mb(bench.size)}`)
    console.log(`uploaded:             ${uploaded.file_size === bench.size ? 'yes, size matches' : `size mismatch (${uploaded.file_size})`}`)
    console.log(`time:                 ${seconds.toFixed(2)} s wall (${mb(bench.size / seconds)}/s), ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU of this process; processors meanwhile: ${describeShare(from)}`)
    console.log(`progress events:      ${events}, last at ${mb(lastSent)} of the body`)
    console.log(`peak RSS growth:      ${mb(peakRss - base.rss)}   (reference: well under the file size, ${mb(bench.size)}; a buffered upload would grow by at least that — sampled every 5 ms after a forced GC, in an untimed first upload)`)
    console.log(`peak live JS+buffers: ${mb(peakHeap - (base.heapUsed + base.external + base.arrayBuffers))}${global.gc ? '' : ' (run with --expose-gc for live figures)'}`)
  } finally {
    sandbox.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
