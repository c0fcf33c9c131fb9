#!/usr/bin/env node
// The post-build step of every HTML edition (`make html`, `make student`, the PDFs):
//
//   node tools/finish_pages.mjs SITE_OR_PAGE [...]
//
// typesets the math (tools/typeset_math.mjs) and draws the icons (tools/inline_icons.mjs)
// in each built page, then checks that no page still loads MathJax or FontAwesome's script.
// Exit 1 on any failure, so the build stops.

import fs from 'node:fs';
import path from 'node:path';

import {htmlFiles, typesetPage} from './typeset_math.mjs';
import {inlineIcons} from './inline_icons.mjs';

const HEAVY = /<script\b[^>]*\bsrc="[^"]*(mathjax|fontawesome)[^"]*"|window\.MathJax\s*=/i;

function main(argv) {
  if (!argv.length) {
    console.error('usage: node tools/finish_pages.mjs SITE_OR_PAGE [...]');
    return 2;
  }
  const totals = {pages: 0, inline: 0, display: 0, icons: 0};
  for (const target of argv) {
    if (!fs.existsSync(target)) {
      console.error(`finish_pages: ${target} does not exist`);
      return 2;
    }
    for (const file of htmlFiles(target)) {
      const text = fs.readFileSync(file, 'utf8');
      try {
        const math = typesetPage(text, file);
        const icons = inlineIcons(math.html, file);
        const heavy = icons.html.match(HEAVY);
        if (heavy) throw new Error(`${file}: still loads ${heavy[0]}`);
        if (icons.html !== text) fs.writeFileSync(file, icons.html);
        totals.inline += math.inline;
        totals.display += math.display;
        totals.icons += icons.icons;
      } catch (err) {
        console.error(`finish_pages: ${err.message}`);
        return 1;
      }
      totals.pages += 1;
    }
  }
  console.log(`finish_pages: ${totals.pages} pages, ${totals.inline} inline and ${totals.display} `
    + `display formulas typeset, ${totals.icons} icons drawn (${argv.map((a) => path.normalize(a)).join(', ')})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
