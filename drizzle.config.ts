// drizzle-kit reads the store's schema and writes migrations next to it (they are
// committed and applied by the app at open). Generate with a name that says what it does:
//   npx drizzle-kit generate --name add-something
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/core/store/schema/index.ts',
  out: './src/main/core/store/migrations',
})
