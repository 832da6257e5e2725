// Uploads a 50 MB file to the sandbox through the real client and prints the peak memory
// growth (sampled after forced collections), then uploads it again, untouched, for its time
// (wall and CPU) and the progress events seen. The upload streams from disk, so growth should
// stay a small fraction of the file size. Run: npm run bench:upload
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { startSandboxProcess } from './lib/sandbox-process'
import { createSkyLightApi, RateBudget } from '../src/main/core/skylight'
import { MAX_UPLOAD_BYTES } from '../src/main/core/skylight/media-rules'

async function writeFile(path: string, size: number): Promise<void> {
  const out = createWriteStream(path)
  const chunk = Buffer.alloc(1024 * 1024, 7)
  for (let written = 0; written < size; written += chunk.length) {
    if (!out.write(chunk.subarray(0, Math.min(chunk.length, size - written)))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-upload-'))
  // In its own process, so the figures below are the client's alone.
  const sandbox = await startSandboxProcess(['--size', 'small', '--accounts', '1', '--still'])
  try {
    const file = join(dir, 'big-video.mp4')
    await writeFile(file, MAX_UPLOAD_BYTES)
    const api = createSkyLightApi({
      baseUrl: sandbox.url,
      apiKey: sandbox.accounts[0]!.apiKey,
      budget: new RateBudget({ limit: 120, windowMs: 60_000 }),
    })

    const upload = (onProgress?: (sent: number) => void) => api.media.upload(file, { name: 'Benchmark upload', ...(onProgress ? { onProgress } : {}) })

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
    await upload()
    clearInterval(sample)

    // Timed on its own, after: the forced collections above would make its time a measure
    // of the collector (6.7–10.3 s against 0.6–1.0 s).
    let events = 0
    let lastSent = 0
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    const media = await upload((sent) => {
      events++
      lastSent = sent
    })
    const seconds = (performance.now() - started) / 1000
    const cpu = process.cpuUsage(cpuBefore)

    console.log(`file size:            ${mb(MAX_UPLOAD_BYTES)}`)
    console.log(`uploaded:             ${media.file_size === MAX_UPLOAD_BYTES ? 'yes, size matches' : `size mismatch (${media.file_size})`}`)
    console.log(`time:                 ${seconds.toFixed(2)} s wall (${mb(MAX_UPLOAD_BYTES / seconds)}/s), ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU of this process; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
    console.log(`progress events:      ${events}, last at ${mb(lastSent)} of the body`)
    console.log(`peak RSS growth:      ${mb(peakRss - base.rss)} (sampled every 5 ms after a forced GC, in an untimed first upload)`)
    console.log(`peak live JS+buffers: ${mb(peakHeap - (base.heapUsed + base.external + base.arrayBuffers))}${global.gc ? '' : ' (run with --expose-gc for live figures)'}`)
  } finally {
    sandbox.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
