// Prints the built book's print.html to PDF with Debian's Chromium (ci/print.sh):
//   BOOK_URL=file:///…/SITE/ node print-pdf.js OUT.pdf
// The page runs its JavaScript as on the site (highlighting, hidden lines of
// fragments hidden, tab sets built; print.css and book-ru.css's @media print show
// both listings of a pair). Added for paper: a table of contents linking to every
// chapter, page numbers, the PDF outline (bookmarks) and a tagged PDF.
import { launch, url } from './lib.js';

const [output] = process.argv.slice(2);
const input = url('print.html');
if (!output) {
  console.error('usage: BOOK_URL=file:///…/SITE/ node print-pdf.js OUT.pdf');
  process.exit(2);
}

const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught ${e.message}`));
  // print.html calls window.print() on load: the PDF is made here instead.
  await page.addInitScript(() => { window.print = () => {}; });
  await page.goto(input, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const chapters = await page.evaluate(() => {
    const main = document.querySelector('main');
    // On paper the answers of «Что напечатает?» questions can only be read open.
    main.querySelectorAll('details').forEach((d) => { d.open = true; });
    // Every chapter starts with an <h1>; the table of contents links to each, nested
    // as in the sidebar (the sidebar's chapter titles and <h1>s come in the same order).
    const headings = [...main.querySelectorAll('h1[id]')];
    const depths = [...document.querySelectorAll('#mdbook-sidebar ol.chapter li.chapter-item > span > a, #mdbook-sidebar ol.chapter li.chapter-item > a')]
      .map((a) => { let d = 0; for (let el = a.closest('ol'); el; el = el.parentElement.closest('ol')) d++; return d - 1; });
    const nav = document.createElement('nav');
    nav.className = 'print-toc';
    nav.setAttribute('aria-labelledby', 'print-toc-title');
    nav.innerHTML = '<h1 id="print-toc-title">Содержание</h1>';
    const list = document.createElement('ul');
    headings.forEach((h, i) => {
      const li = document.createElement('li');
      li.style.marginInlineStart = `${(depths[i] || 0) * 1.5}em`;
      const a = document.createElement('a');
      a.href = `#${h.id}`;
      a.textContent = h.textContent;
      li.append(a);
      list.append(li);
    });
    nav.append(list);
    const style = document.createElement('style');
    style.textContent = `
      .print-toc ul { list-style: none; padding: 0; }
      .print-toc li { margin-block: 0.3em; }
      pre, figure.listing, figure.output { break-inside: auto; }
      figure.listing, figure.output { margin-inline: 0; }
      figcaption { break-after: avoid; break-inside: avoid; }
      .print-toc { break-after: page; }
      html { font-size: 12px; }`;
    document.head.append(style);
    main.prepend(nav);
    // The title page: the book's title above the contents.
    const title = document.createElement('p');
    title.className = 'print-title';
    title.textContent = document.querySelector('.menu-title')?.textContent || document.title;
    title.style.cssText = 'font-size: 3em; font-weight: bold; margin: 2em 0 1em';
    main.prepend(title);
    return headings.length;
  });
  await page.evaluate(() => document.fonts.ready);
  await page.pdf({
    path: output,
    format: 'A4',
    margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: '<div style="font-size: 9px; width: 100%; text-align: center;"><span class="pageNumber"></span></div>',
    outline: true,
    tagged: true,
  });
  if (errors.length) throw new Error(`${input}: ${errors.join('; ')}`);
  console.log(`${output}: ${chapters} chapters`);
} finally {
  await browser.close();
}
