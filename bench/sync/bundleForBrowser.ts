/** Bundles a browser entry (with the app's own modules) into one IIFE script string. */
import { build } from 'vite'

interface BuildOutput {
  output: { type: string; code?: string }[]
}

export async function bundleForBrowser(entry: string, globalName: string): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: globalName, fileName: () => 'bundle.js' }
    }
  })) as BuildOutput | BuildOutput[]
  const first = Array.isArray(output) ? output[0] : output
  const chunk = first?.output.find((item) => item.type === 'chunk')
  if (chunk?.code === undefined) throw new Error(`Bundling ${entry} produced no script`)
  return chunk.code
}
