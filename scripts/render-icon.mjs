// Renders assets/icon.svg to the PNG sizes electron-builder packages (dev tool; run by hand).
import fs from 'node:fs'

import { chromium } from '@playwright/test'

const svg = fs.readFileSync('assets/icon.svg', 'utf8')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
})
fs.mkdirSync('assets/icons', { recursive: true })
for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } })
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`,
  )
  await page.screenshot({
    path: size === 512 ? 'assets/icon.png' : `assets/icons/${size}x${size}.png`,
    omitBackground: true,
  })
  if (size === 512) fs.copyFileSync('assets/icon.png', 'assets/icons/512x512.png')
  await page.close()
}
await browser.close()
