import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { stageUpload } from '../../../src/main/core/outbox/staging'
import { LocalFileError } from '../../../src/main/core/skylight'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64)])
const MP4 = Buffer.concat([Buffer.from('0000001866747970', 'hex'), Buffer.from('isom'), Buffer.alloc(64)])
const ELF = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(256, 0x90)])

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function setUp(): { files: string; staging: string } {
  dir = mkdtempSync(join(tmpdir(), 'upload-checks-'))
  const files = join(dir, 'files')
  mkdirSync(files)
  return { files, staging: join(dir, 'staging') }
}

async function refusal(staging: string, path: string): Promise<string> {
  const error = await stageUpload(staging, path).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(LocalFileError)
  return (error as Error).message
}

describe('checking a file before it is queued for upload', () => {
  it('refuses a program, a text file and a link to a system file named .png, each with its reason, and stages nothing', async () => {
    const { files, staging } = setUp()
    writeFileSync(join(files, 'program.png'), ELF)
    writeFileSync(join(files, 'notes.png'), 'just some text, not a picture\n')
    symlinkSync('/etc/passwd', join(files, 'passwd.png'))
    expect(await refusal(staging, join(files, 'program.png'))).toMatch(/“program\.png” is not a PNG image/)
    expect(await refusal(staging, join(files, 'notes.png'))).toMatch(/“notes\.png” is not a PNG image/)
    expect(await refusal(staging, join(files, 'passwd.png'))).toMatch(/“passwd\.png” is a link to another file/)
    expect(readdirSync(dir)).not.toContain('staging')
  })

  it('refuses what is not a regular file: a folder, a FIFO (without waiting on it)', async () => {
    const { files, staging } = setUp()
    mkdirSync(join(files, 'album.png'))
    execFileSync('mkfifo', [join(files, 'pipe.mp4')])
    expect(await refusal(staging, join(files, 'album.png'))).toMatch(/is a folder/)
    expect(await refusal(staging, join(files, 'pipe.mp4'))).toMatch(/not a regular file/)
  })

  it('says when the content is another accepted format than the name says', async () => {
    const { files, staging } = setUp()
    writeFileSync(join(files, 'photo.png'), JPEG)
    expect(await refusal(staging, join(files, 'photo.png'))).toMatch(/content is a JPEG image; rename it to \.jpg/)
  })

  it('stages real pictures and videos, a byte-for-byte copy', async () => {
    const { files, staging } = setUp()
    writeFileSync(join(files, 'a.png'), PNG)
    writeFileSync(join(files, 'b.JPG'), JPEG)
    writeFileSync(join(files, 'c.mp4'), MP4)
    writeFileSync(join(files, 'd.mov'), MP4)
    for (const [name, bytes, mime] of [
      ['a.png', PNG, 'image/png'],
      ['b.JPG', JPEG, 'image/jpeg'],
      ['c.mp4', MP4, 'video/mp4'],
      ['d.mov', MP4, 'video/quicktime'],
    ] as const) {
      const staged = await stageUpload(staging, join(files, name))
      expect(staged).toMatchObject({ originalName: name, size: bytes.length, mimeType: mime })
      expect(readFileSync(staged.stagingPath).equals(bytes)).toBe(true)
    }
  })
})
