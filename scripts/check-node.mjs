// Fails the install early, with a plain message, on a Node older than the project needs
// (better-sqlite3 13 and Electron 45 need Node 22.12 or newer).
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`SkyLight Desk needs Node 22.12 or newer; this is Node ${process.versions.node}.`)
  console.error('Install it from https://nodejs.org, or: npm install --prefix ~/.cache/node22 node@22')
  process.exit(1)
}
