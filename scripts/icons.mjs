#!/usr/bin/env node
/**
 * Every platform's icon from ONE source: resources/icon.svg.
 *
 *   build/icons/<n>x<n>.png  16 … 1024 (electron-builder's Linux icon set)
 *   build/icon.png           1024 px (electron-builder's fallback for any platform)
 *   build/icon.icns          macOS
 *   build/icon.ico           Windows (PNG-compressed entries, 16 … 256)
 *   resources/icon.png       512 px, the window icon main loads at run time
 *   build/icon-source.sha256 the SHA-256 of the SVG they were made from (line endings normalised)
 *
 * Both libraries work offline: @resvg/resvg-js ships its rasteriser as prebuilt npm packages, png2icons
 * is plain JavaScript. The outputs are committed, so packaging needs neither; run `npm run icons`
 * after changing the SVG (the packaging test fails until you do).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

export const ICON_SOURCE = 'resources/icon.svg'
export const ICON_STAMP = 'build/icon-source.sha256'
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

function rasterise(svg, size) {
  // The SVG carries no text: loading no fonts keeps the machine's fonts out of the output.
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false }
  })
  return resvg.render().asPng()
}

/** The stamp's content: which SVG the committed icons were rendered from. */
export function sourceStamp(svg) {
  // LF-normalised, so a Windows checkout (autocrlf) stamps the same SVG the same way.
  const text = svg.toString('utf8').replace(/\r\n/g, '\n')
  return `${createHash('sha256').update(text).digest('hex')}  ${ICON_SOURCE}`
}

/** Every icon file, keyed by its path in the repository. */
export function renderIcons(svg) {
  const files = new Map()
  for (const size of ICON_SIZES) files.set(`build/icons/${size}x${size}.png`, rasterise(svg, size))
  const largest = rasterise(svg, 1024)
  files.set('build/icon.png', largest)
  files.set('resources/icon.png', rasterise(svg, 512))
  // BICUBIC scaling from the 1024 px master; 0 colours = keep full RGBA.
  const icns = png2icons.createICNS(largest, png2icons.BICUBIC, 0)
  // usePNG=true keeps every entry PNG-compressed (Vista+); forWinExe=false adds the 256 px entry too.
  const ico = png2icons.createICO(largest, png2icons.BICUBIC, 0, true, false)
  if (!icns || !ico) throw new Error('png2icons could not convert the 1024 px icon')
  files.set('build/icon.icns', icns)
  files.set('build/icon.ico', ico)
  // Compared by the packaging test instead of the pixels: rasterisers may differ by a bit per CPU.
  files.set(ICON_STAMP, Buffer.from(`${sourceStamp(svg)}\n`))
  return files
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  for (const [relativePath, bytes] of renderIcons(readFileSync(join(root, ICON_SOURCE)))) {
    const path = join(root, relativePath)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, bytes)
    console.log(`${relativePath}  ${bytes.length} bytes`)
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main()
