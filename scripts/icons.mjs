#!/usr/bin/env node
/**
 * Every platform's icon from ONE source: resources/icon.svg.
 *
 *   build/icons/<n>x<n>.png  16 … 1024 (electron-builder's Linux icon set, and the source of the rest)
 *   build/icon.png           1024 px (electron-builder's fallback for any platform)
 *   build/icon.icns          macOS
 *   build/icon.ico           Windows (PNG-compressed entries, 16 … 256)
 *   resources/icon.png       512 px, the window icon main loads at run time
 *
 * Both libraries work offline: @resvg/resvg-js ships its rasteriser as prebuilt npm packages, png2icons
 * is plain JavaScript. The outputs are committed, so packaging needs neither; run `npm run icons`
 * after changing the SVG.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, 'resources', 'icon.svg')
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

function rasterise(svg, size) {
  // The SVG carries no text, so no fonts are needed (and none are loaded: the output is the same everywhere).
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false }
  })
  return resvg.render().asPng()
}

function write(relativePath, bytes) {
  const path = join(root, relativePath)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, bytes)
  console.log(`${relativePath}  ${bytes.length} bytes`)
}

const svg = readFileSync(source)
for (const size of ICON_SIZES) write(`build/icons/${size}x${size}.png`, rasterise(svg, size))
const largest = rasterise(svg, 1024)
write('build/icon.png', largest)
write('resources/icon.png', rasterise(svg, 512))

// BICUBIC scaling from the 1024 px master; 0 colours = keep full RGBA.
const icns = png2icons.createICNS(largest, png2icons.BICUBIC, 0)
// usePNG=true keeps every entry PNG-compressed (Vista+); forWinExe=false adds the 256 px entry too.
const ico = png2icons.createICO(largest, png2icons.BICUBIC, 0, true, false)
if (!icns || !ico) throw new Error('png2icons could not convert build/icon.png')
write('build/icon.icns', icns)
write('build/icon.ico', ico)
