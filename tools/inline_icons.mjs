// Draw the theme's icons as inline SVG, so no page loads FontAwesome's 1.5 MB script.
//
//   (a module: tools/finish_pages.mjs runs it on every built page)
//
// The theme (pydata-sphinx-theme, under sphinx-book-theme) writes each icon as an empty
// <i class="fa-solid fa-sun"> or <span class="fa-solid fa-bars"> and loads fontawesome.js,
// which swaps them for SVG in the browser. This step does that swap at build time, with the
// same icons from the npm package @fortawesome/fontawesome-free (svgs/, the theme's Font
// Awesome version, pinned in package.json), and removes the script. Each SVG is drawn in
// currentColor (light and dark mode), aria-hidden, and keeps the element's other classes and
// attributes (theme-switch, data-mode, fa-lg); the buttons keep their own accessible names.
// Sizing rules (.svg-inline--fa) are in _assets/migcoop-math.css.
//
// Fails (exit 1) on an icon the package does not have. Running it twice is harmless.

import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SVGS = path.join(HERE, '..', 'node_modules', '@fortawesome', 'fontawesome-free', 'svgs');
const STYLES = {
  'fa-solid': 'solid', fas: 'solid', 'fa-regular': 'regular', far: 'regular',
  'fa-brands': 'brands', fab: 'brands',
};
// Classes that size or place an icon rather than name it.
const MODIFIERS = /^fa-(lg|xs|sm|xl|2xs|2xl|[1-9]?\d?x|fw|border|pull-left|pull-right|spin|pulse|inverse|li|ul|flip(-\w+)?|rotate-\d+|beat|bounce|fade|shake)$/;
// The element: empty <i> or <span> whose class names a Font Awesome style and icon.
const ICON = /<(i|span)(\s[^>]*?)?\sclass="([^"]*\bfa[a-z-]*\b[^"]*)"([^>]*)>\s*<\/\1>/g;
const SCRIPT = /[ \t]*<script\b[^>]*\bsrc="[^"]*\/fontawesome(\.min)?\.js[^"]*"[^>]*><\/script>\n?/g;
const PRELOAD = /[ \t]*<link\b[^>]*\bhref="[^"]*\/fontawesome(\.min)?\.js[^"]*"[^>]*>\n?/g;

const cache = new Map();
function iconSvg(style, name) {
  const key = `${style}/${name}`;
  if (!cache.has(key)) {
    const file = path.join(SVGS, style, `${name}.svg`);
    if (!fs.existsSync(file)) throw new Error(`no Font Awesome icon ${key} (in ${SVGS})`);
    const text = fs.readFileSync(file, 'utf8');
    const viewBox = text.match(/viewBox="([^"]+)"/);
    const paths = [...text.matchAll(/<path\b[^>]*\bd="([^"]+)"[^>]*\/?>/g)].map((m) => m[1]);
    if (!viewBox || !paths.length) throw new Error(`cannot read ${file}`);
    cache.set(key, {viewBox: viewBox[1], paths});
  }
  return cache.get(key);
}

export function inlineIcons(text, where = 'page') {
  let count = 0;
  let out = text.replace(ICON, (whole, tag, before = '', cls, after) => {
    const classes = cls.split(/\s+/).filter(Boolean);
    const style = classes.map((c) => STYLES[c]).find(Boolean);
    const names = classes.filter((c) => c.startsWith('fa-') && !(c in STYLES) && !MODIFIERS.test(c));
    if (!style || names.length !== 1) return whole;  // not an icon we know how to draw
    const name = names[0].slice(3);
    let icon;
    try {
      icon = iconSvg(style, name);
    } catch (err) {
      throw new Error(`${where}: ${err.message}`);
    }
    const kept = classes.filter((c) => !(c in STYLES) && c !== names[0]);
    let attrs = `${before}${after}`.replace(/\s+aria-hidden="[^"]*"/g, '').replace(/\s+/g, ' ').trim();
    attrs = attrs ? ` ${attrs}` : '';
    const paths = icon.paths.map((d) => `<path fill="currentColor" d="${d}"/>`).join('');
    count += 1;
    return `<svg class="${['svg-inline--fa', `fa-${name}`, ...kept].join(' ')}"${attrs} aria-hidden="true" `
      + `focusable="false" viewBox="${icon.viewBox}">${paths}</svg>`;
  });
  out = out.replace(SCRIPT, '').replace(PRELOAD, '');
  return {html: out, icons: count};
}
