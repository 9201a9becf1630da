import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

export default defineConfig({
  main: {
    build: {
      // keytar is a native addon and must stay a runtime require; zod is plain JS but
      // externalising dependencies keeps main's bundle small and its stack traces readable.
      externalizeDeps: true
    }
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything into one CommonJS file.
      externalizeDeps: false,
      lib: { entry: resolve(import.meta.dirname, 'src/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    plugins: [svelte()]
  }
})
