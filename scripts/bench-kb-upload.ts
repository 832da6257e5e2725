// Uploads a 50 MB document to the sandbox's knowledge base through the real client and
// prints the peak memory growth and the progress events seen, beside the reference: the
// upload streams from disk (the media library's multipart body), so growth should stay a
// small fraction of the file size. Run: npm run bench:kb-upload
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { startSandboxProcess } from './lib/sandbox-process'
import { createSkyLightApi, RateBudget } from '../src/main/core/skylight'
import { KB_MAX_BYTES } from '../src/main/core/skylight/kb-rules'

const SIZE = KB_MAX_BYTES.document

async function writeFile(path: string, size: number): Promise<void> {
  const out = createWriteStream(path)
  // A PDF's signature first, so the file is what its name says.
  out.write('%PDF-1.4\n')
  size -= 9
  const chunk = Buffer.alloc(1024 * 1024, 7)
  for (let written = 0; written < size; written += chunk.length) {
    if (!out.write(chunk.subarray(0, Math.min(chunk.length, size - written)))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-kb-upload-'))
  // In its own process, so the figures below are the client's alone.
  const sandbox = await startSandboxProcess(['--size', 'small', '--accounts', '1', '--still'])
  try {
    const file = join(dir, 'Product manual.pdf')
    await writeFile(file, SIZE)
    const api = createSkyLightApi({
      baseUrl: sandbox.url,
      apiKey: sandbox.accounts[0]!.apiKey,
      budget: new RateBudget({ limit: 120, windowMs: 60_000 }),
    })

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

    let events = 0
    let lastSent = 0
    const started = performance.now()
    const entry = await api.knowledgeBase.uploadDocument(file, {
      title: 'Benchmark document',
      onProgress: (sent) => {
        events++
        lastSent = sent
      },
    })
    const seconds = (performance.now() - started) / 1000
    clearInterval(sample)

    console.log(`file size:            ${mb(SIZE)}`)
    console.log(`uploaded:             ${entry.file_size === SIZE ? 'yes, size matches' : `size mismatch (${entry.file_size})`}`)
    console.log(`time:                 ${seconds.toFixed(2)} s (${mb(SIZE / seconds)}/s)`)
    console.log(`progress events:      ${events}, last at ${mb(lastSent)} of the body`)
    console.log(`peak RSS growth:      ${mb(peakRss - base.rss)}   (reference: well under the file size, ${mb(SIZE)}; a buffered upload would grow by at least that)`)
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
