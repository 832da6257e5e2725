import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, projectDir, type BuiltApp } from './build-app'

let app: BuiltApp
beforeAll(() => {
  app = buildApp()
}, 120_000)
afterAll(() => app?.remove())

describe('electron-vite build', () => {
  it('writes main, a CommonJS preload and the renderer', () => {
    expect(existsSync(join(app.dir, 'out/main/index.js'))).toBe(true)
    expect(readFileSync(join(app.dir, 'out/preload/index.cjs'), 'utf8')).toContain('exposeInMainWorld("desk"')
    expect(existsSync(join(app.dir, 'out/renderer/index.html'))).toBe(true)
  })

  it('ships the store migrations beside the main bundle', () => {
    const shipped = join(app.dir, 'out/main/migrations')
    const source = join(projectDir, 'src/main/core/store/migrations')
    expect(readdirSync(shipped).sort()).toEqual(readdirSync(source).sort())
    expect(existsSync(join(shipped, 'meta/_journal.json'))).toBe(true)
  })
})
