// Typeset the book's math at build time, so no page loads MathJax.
//
//   (a module: tools/finish_pages.mjs runs it on every built page)
//
// Sphinx writes each formula as TeX for a browser-side typesetter: inline math as
// <span class="math ...">\(...\)</span>, display math as <div class="math ..." id="equation-...">
// with Sphinx's own equation number (<span class="eqno">) followed by \[...\]. This step
// replaces the TeX of every such element, in every HTML page under the given folders, with
// MathJax 3's SVG output (mathjax-full, pinned in package.json): one hidden <svg> per page
// holds each glyph once (fontCache: 'global') and each formula draws with <use>, in
// currentColor, so dark mode needs nothing. Screen readers get MathJax's assistive MathML
// (the picture is aria-hidden); nothing is focusable and nothing is a tab stop.
// Sphinx's equation numbers, `equation-...` anchors and {eq} links are left as they were.
//
// A display equation keeps its natural size where it fits; _assets/migcoop-math.css lets it
// shrink to the column down to MIN_SCALE and scroll (with shadows) only beyond that. An inline
// formula wider than SPLIT_EX comes in pieces that wrap after its relations, as TeX breaks
// inline math; a formula and the punctuation against it stay on one line. The markup is
// slimmed (MathJax's explorer attributes dropped, short glyph ids, relative path data): the
// picture is the same, pixel for pixel.
//
// Used by tools/finish_pages.mjs (with the icons), which `make html`, `make student` and the
// PDF builds run on every built page.
//
// Fails (exit 1) on a TeX error, an undefined macro, or a math element it cannot read.
// Running it twice is harmless: typeset elements are skipped.

import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {mathjax} from 'mathjax-full/js/mathjax.js';
import {TeX} from 'mathjax-full/js/input/tex.js';
import {SVG} from 'mathjax-full/js/output/svg.js';
import {liteAdaptor} from 'mathjax-full/js/adaptors/liteAdaptor.js';
import {RegisterHTMLHandler} from 'mathjax-full/js/handlers/html.js';
import {AssistiveMmlHandler} from 'mathjax-full/js/a11y/assistive-mml.js';
import {AllPackages} from 'mathjax-full/js/input/tex/AllPackages.js';

// The smallest a display equation may be shrunk to fit a narrow column (see migcoop-math.css).
export const MIN_SCALE = 0.6;
const SKIP_DIRS = new Set(['_static', '_sources', '_images']);
// Packages that need MathJax's browser loader, or that hide errors we want to see.
const NOT_PACKAGES = new Set(['autoload', 'require', 'noerrors', 'noundefined', 'bussproofs']);
// Macros the book defines for its formulas (none as of 2026; add here, not in the pages).
const MACROS = {};

const adaptor = liteAdaptor();
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));
const tex = new TeX({
  packages: AllPackages.filter((p) => !NOT_PACKAGES.has(p)),
  macros: MACROS,
  formatError: (_jax, err) => { throw err; },
});
const svg = new SVG({fontCache: 'global'});
const doc = mathjax.document('', {InputJax: tex, OutputJax: svg});

const ENTITIES = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: '\u00a0'};
function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name in ENTITIES) return ENTITIES[name];
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return whole;
  });
}

// What MathJax writes for its own explorer, menu and re-typesetting, or what
// _assets/migcoop-math.css says once for every formula (fill, stroke, position), goes.
const DROP = /^(data-(mml-node|c|mjx-[\w-]+|semantic-[\w-]+)|focusable|role|xmlns(:xlink)?|unselectable|class|jax)$/;

const MINIFY_PATHS = process.env.MIGCOOP_MATH_RAW_PATHS !== '1';  // '1': MathJax's own path text
const TRANSLATE = /^translate\((-?[\d.]+)[, ]\s*(-?[\d.]+)\)$/;
const MOVABLE = new Set(['g', 'use', 'rect', 'path', 'line', 'text']);
let glyphIds = new Map();  // MathJax's glyph id -> this page's short id

function shortId(id) {
  if (!glyphIds.has(id)) glyphIds.set(id, `mj${glyphIds.size.toString(36)}`);
  return glyphIds.get(id);
}

function tidy(node) {
  if (!node.kind || node.kind.startsWith('#')) return [node];
  const attrs = node.attributes;
  for (const name of Object.keys(attrs)) {
    if (DROP.test(name)) delete attrs[name];
  }
  if ('xlink:href' in attrs) {
    attrs.href = `#${shortId(attrs['xlink:href'].slice(1))}`;
    delete attrs['xlink:href'];
  }
  if (node.kind === 'mjx-container' || (node.kind === 'svg' && /^vertical-align: 0;?$/.test(attrs.style || ''))) {
    delete attrs.style;
  }
  if (node.kind === 'mjx-assistive-mml' && attrs.display === 'inline') delete attrs.display;
  if (node.kind === 'path' && attrs.d && MINIFY_PATHS) attrs.d = minifyPath(attrs.d);
  if (node.kind === 'g' && attrs.transform === 'scale(1,-1)' && attrs.fill === 'currentColor') {
    // The formula's outer group: its colour and stroke come from the stylesheet.
    for (const name of ['fill', 'stroke', 'stroke-width']) delete attrs[name];
  }
  node.children = node.children.flatMap(tidy);
  if (node.kind !== 'g') return [node];
  if (node.children.length === 0) return [];
  const names = Object.keys(attrs);
  const only = node.children.length === 1 ? node.children[0] : null;
  let keep = names.length > 0;
  if (names.length === 1 && names[0] === 'transform' && only && MOVABLE.has(only.kind)) {
    // A group that only moves its one child: move the child instead.
    const t = attrs.transform.match(TRANSLATE);
    const inner = only.attributes;
    if (only.kind === 'use' && t && !('transform' in inner) && !('x' in inner) && !('y' in inner)) {
      if (parseFloat(t[1])) inner.x = t[1];
      if (parseFloat(t[2])) inner.y = t[2];
    } else {
      inner.transform = 'transform' in inner ? `${attrs.transform} ${inner.transform}` : attrs.transform;
    }
    keep = false;
  }
  if (keep) return [node];
  // An attribute-less group draws nothing of its own: keep only what it holds.
  for (const child of node.children) child.parent = node.parent;
  return node.children;
}

// A glyph outline (MathJax writes absolute coordinates: M L H V Q T C S Z) rewritten with
// relative coordinates and no repeated command letters: the same outline in about 2/3 the bytes.
const PATH_ARGS = {M: 2, L: 2, H: 1, V: 1, Q: 4, T: 2, C: 6, S: 4, Z: 0};
function num(v) {
  const text = String(Math.round(v * 1000) / 1000);
  return text.replace(/^(-?)0\./, '$1.');
}
export function minifyPath(d) {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) || [];
  if (tokens.some((t) => /[a-z]/.test(t) && t !== 'e')) return d;  // already relative somewhere: leave it
  let out = '', last = '', prev = null, x = 0, y = 0, sx = 0, sy = 0, i = 0, cmd = '';
  const emit = (letter, values) => {
    if (letter !== last || letter === 'm') {
      out += letter;
      prev = null;
    }
    for (const v of values) {
      const n = num(v);
      // A separator only where the number would otherwise run into the one before.
      if (prev !== null && !n.startsWith('-') && !(n.startsWith('.') && prev.includes('.'))) out += ' ';
      out += n;
      prev = n;
    }
    last = letter === 'm' ? 'l' : letter;
  };
  while (i < tokens.length) {
    if (/[A-Z]/.test(tokens[i])) cmd = tokens[i++];
    else if (cmd === 'M') cmd = 'L';  // pairs after M are lines
    const n = PATH_ARGS[cmd];
    if (n === undefined) return d;
    const a = tokens.slice(i, i + n).map(Number);
    if (a.length < n || a.some(Number.isNaN)) return d;
    i += n;
    switch (cmd) {
      case 'Z': emit('z', []); x = sx; y = sy; break;
      case 'H': emit('h', [a[0] - x]); x = a[0]; break;
      case 'V': emit('v', [a[0] - y]); y = a[0]; break;
      default: {
        const rel = a.map((v, k) => v - (k % 2 ? y : x));
        emit(cmd.toLowerCase(), rel);
        x = a[n - 2]; y = a[n - 1];
        if (cmd === 'M') { sx = x; sy = y; }
      }
    }
    if (cmd === 'Z' && i < tokens.length && !/[A-Z]/.test(tokens[i])) return d;
  }
  return out;
}

// Empty SVG elements written as <x .../> (HTML parses that inside <svg>).
function serialize(node) {
  return adaptor.outerHTML(node).replace(/<(use|path|rect|line)( [^>]*)?><\/\1>/g, '<$1$2/>');
}

// Inline formulas wider than SPLIT_EX are set in pieces, broken after their top-level
// relations (and a piece still wider, after its top-level + - \times \cdot), where TeX breaks
// inline math, so that a narrow column wraps them instead of cutting them off. Screen readers
// get the whole formula's MathML once; each piece is an aria-hidden picture.
export const SPLIT_EX = 30;
const RELATIONS = new Set(['=', '<', '>', '\\le', '\\leq', '\\ge', '\\geq', '\\ne', '\\neq',
  '\\approx', '\\equiv', '\\sim', '\\simeq', '\\propto', '\\to', '\\rightarrow',
  '\\Rightarrow', '\\longrightarrow', '\\Longrightarrow', '\\iff', '\\lt', '\\gt', '\\ll',
  '\\gg', '\\mapsto']);
const BINARIES = new Set(['+', '-', '\\times', '\\cdot', '\\pm', '\\mp']);

// Where a formula may break: the index after each relation (or binary operator) that lies
// outside every {group}, \left...\right and \begin...\end, and after an operand.
export function breakPoints(tex, kinds) {
  const points = [];
  let depth = 0, operand = false;
  for (let i = 0; i < tex.length;) {
    let token = tex[i];
    if (token === '\\') token = tex.slice(i).match(/^\\([a-zA-Z]+|.?)/)[0];
    const end = i + token.length;
    if (token === '{' || token === '\\left' || token === '\\begin') depth += 1;
    else if (token === '}' || token === '\\right' || token === '\\end') depth -= 1;
    if (/^\s+$/.test(token)) {
      i = end;
      continue;
    }
    const rel = RELATIONS.has(token), bin = BINARIES.has(token);
    if (depth === 0 && operand && kinds.has(token) && (rel || bin)) points.push(end);
    // After these a + or - is a sign, not a binary operator (and nothing may break).
    operand = !(rel || bin || /^[([{,;^_&]$/.test(token) || token === '\\left' || token === '\\begin');
    if (token === '}' || token === ')' || token === ']') operand = true;
    i = end;
  }
  return points.filter((p) => p < tex.trimEnd().length);
}

function pieces(tex, kinds) {
  const points = breakPoints(tex, kinds);
  const out = [];
  let start = 0;
  for (const p of points) {
    out.push(`${tex.slice(start, p)}{}`);  // {} keeps the space after the operator
    start = p;
  }
  out.push(tex.slice(start));
  return out;
}

function widthEx(node) {
  const m = (adaptor.getAttribute(adaptor.firstChild(node), 'width') || '').match(/^([\d.]+)ex$/);
  return m ? parseFloat(m[1]) : 0;
}

function convert(source, display) {
  const node = doc.convert(source, {display, em: 16, ex: 8, containerWidth: 80 * 16});
  tidy(node);
  return node;
}

function splitInline(source, node) {
  let parts = pieces(source, RELATIONS).flatMap((part) => {
    const p = convert(part, false);
    return widthEx(p) > SPLIT_EX ? pieces(part, BINARIES).map((q) => [q, null]) : [[part, p]];
  });
  if (parts.length < 2) return node;
  parts = parts.map(([tex, p]) => p || convert(tex, false));
  const container = adaptor.node('mjx-container', {pieces: String(parts.length)});
  for (const p of parts) adaptor.append(container, adaptor.firstChild(p));
  adaptor.append(container, adaptor.lastChild(node));  // the whole formula's MathML
  return container;
}

function typeset(source, display) {
  let node = convert(source, display);
  if (display) {
    // The natural width, so CSS can shrink the picture to the column but not below MIN_SCALE.
    const picture = adaptor.firstChild(node);
    const width = adaptor.getAttribute(picture, 'width') || '';
    const m = width.match(/^([\d.]+)ex$/);
    if (!m) throw new Error(`a display formula of width ${width}`);
    const floor = (parseFloat(m[1]) * MIN_SCALE).toFixed(3).replace(/\.?0+$/, '');
    adaptor.setStyle(picture, 'min-width', `${floor}ex`);
  } else if (widthEx(node) > SPLIT_EX) {
    node = splitInline(source, node);
  }
  const html = serialize(node);
  if (/tabindex/i.test(html)) throw new Error('MathJax output carries a tabindex');
  return html;
}

// With the "(" just before and the punctuation just after, which must not be left alone at
// the start or end of a line (a browser may break on either side of a picture).
const INLINE = /(\(?)<span class="math( [^"]*)?"([^>]*)>([\s\S]*?)<\/span>([.,;:!?)\]]*)/g;
const DISPLAY = /<div class="math( [^"]*)?"([^>]*)>([\s\S]*?)<\/div>/g;
const INLINE_TEX = /^\\\(([\s\S]*)\\\)$/;
const DISPLAY_TEX = /^(\s*<span class="eqno">[\s\S]*?<\/span>)?\s*\\\[([\s\S]*)\\\]\s*$/;
// What Sphinx's MathJax renderer would have put in the page: a no-op here, and dropped.
const MATHJAX_SCRIPTS = /[ \t]*<script>window\.MathJax = [\s\S]*?<\/script>\n?|[ \t]*<script[^>]*src="[^"]*mathjax[^"]*"[^>]*><\/script>\n?/gi;

// Words typeset as math (an unescaped dollar sign that runs on through the prose).
export function looksLikeProse(tex) {
  const bare = tex
    .replace(/\\(text|textrm|textit|textbf|mathrm|mathit|mathbf|mathsf|mathtt|mbox|operatorname|boldsymbol)\s*\{[^}]*\}/g, ' ')
    .replace(/\\[A-Za-z]+/g, ' ');
  return /(^|[^A-Za-z])[a-z]{3,} +[a-z]{3,}([^A-Za-z]|$)/.test(bare);
}

export function typesetPage(text, where = 'page') {
  svg.fontCache.clearCache();
  glyphIds = new Map();
  const counts = {inline: 0, display: 0};
  const fail = (what, body) => {
    throw new Error(`${where}: ${what}: ${body.trim().slice(0, 200)}`);
  };
  const run = (source, display, body) => {
    const tex = unescapeHtml(source);
    if (looksLikeProse(tex)) console.warn(`typeset_math: warning: ${where}: prose set as math? ${tex.slice(0, 80)}`);
    try {
      return typeset(tex, display);
    } catch (err) {
      return fail(`TeX error (${err.message})`, body);
    }
  };
  let out = text.replace(INLINE, (whole, open, cls = '', attrs, body, close) => {
    if (body.includes('<mjx-container')) return whole;
    const m = body.match(INLINE_TEX);
    if (!m) fail('inline math that is not \\(...\\)', body);
    counts.inline += 1;
    const math = `<span class="math${cls}"${attrs}>${run(m[1], false, body)}</span>`;
    return open || close ? `<span class="mjx-nobr">${open}${math}${close}</span>` : math;
  });
  out = out.replace(DISPLAY, (whole, cls = '', attrs, body) => {
    if (body.includes('<mjx-container')) return whole;
    const m = body.match(DISPLAY_TEX);
    if (!m) fail('display math that is not \\[...\\]', body);
    counts.display += 1;
    return `<div class="math${cls}"${attrs}>\n${m[1] ? m[1].trim() : ''}${run(m[2], true, body)}</div>`;
  });
  out = out.replace(MATHJAX_SCRIPTS, '');
  if (counts.inline + counts.display > 0) {
    // Every glyph the page's formulas use, once, right after <body ...>.
    const defs = svg.fontCache.getCache();
    for (const glyph of adaptor.childNodes(defs)) {
      adaptor.setAttribute(glyph, 'id', shortId(adaptor.getAttribute(glyph, 'id')));
      if (MINIFY_PATHS && adaptor.getAttribute(glyph, 'd')) {
        adaptor.setAttribute(glyph, 'd', minifyPath(adaptor.getAttribute(glyph, 'd')));
      }
    }
    const cache = serialize(svg.svg('svg', {
      id: SVG.FONTCACHEID, style: {display: 'none'}, 'aria-hidden': 'true',
    }, [defs]));
    if (out.includes(`id="${SVG.FONTCACHEID}"`)) fail('the page already has a glyph cache', '');
    const body = out.match(/<body[^>]*>/);
    if (!body) fail('no <body>', '');
    out = out.replace(body[0], `${body[0]}\n${cache}`);
  }
  return {html: out, ...counts};
}

export function htmlFiles(target) {
  const stat = fs.statSync(target);
  if (stat.isFile()) return target.endsWith('.html') ? [target] : [];
  const found = [];
  for (const entry of fs.readdirSync(target, {withFileTypes: true})) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
    found.push(...htmlFiles(path.join(target, entry.name)));
  }
  return found.sort();
}
