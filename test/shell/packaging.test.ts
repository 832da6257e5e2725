import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const projectDir = fileURLToPath(new URL('../..', import.meta.url))
// electron-builder's own loader and schema check, reached through electron-builder so the
// test reads electron-builder.yml exactly as `npm run dist` will.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'))
const { getConfig, validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null, fromOptions: null) => Promise<Record<string, any>>
  validateConfiguration: (config: Record<string, any>, logger: unknown) => Promise<void>
}
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

let config: Record<string, any>
beforeAll(async () => {
  config = await getConfig(projectDir, null, null)
})

describe('the installers', () => {
  it('have a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config['appId']).toBe('com.skylightchat.desk')
    expect(config['productName']).toBe('SkyLight Desk')
  })

  it('flip the fuses that close Node-level back doors', () => {
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The page comes from app://, so file:// needs no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config['asar']).toBe(true)
  })

  it('build NSIS, DMG with hardened runtime, AppImage and deb, with icons and entitlements from resources/', () => {
    expect(config['win'].target).toBe('nsis')
    expect(config['mac']).toMatchObject({ target: 'dmg', hardenedRuntime: true })
    expect(config['linux'].target).toEqual(['AppImage', 'deb'])
    expect(config['directories'].buildResources).toBe('resources')
    const files = [config['win'].icon, config['mac'].icon, config['linux'].icon, config['mac'].entitlements, config['mac'].entitlementsInherit]
    for (const file of files) expect(existsSync(`${projectDir}/${file}`), file).toBe(true)
    const entitlements = readFileSync(`${projectDir}/${config['mac'].entitlements}`, 'utf8')
    expect(entitlements).toContain('com.apple.security.cs.allow-jit')
    expect(entitlements).not.toContain('disable-library-validation')
  })

  it('keep the native modules out of the asar archive and ship the bundles only', () => {
    expect(config['asarUnpack']).toEqual(
      expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/node_modules/keytar/**']),
    )
    // The loader normalizes `files` into file sets: [{ filter: [...] }].
    const patterns = (config['files'] as { filter: string[] }[]).flatMap((set) => set.filter)
    expect(patterns).toEqual(['out/**', '!out/**/*.map'])
    expect(config['npmRebuild']).toBe(false)
  })
})
