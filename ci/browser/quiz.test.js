// «Что напечатает?» questions (theme/book-ru.js section 5, markup in tests/book/quiz.rs):
// with JavaScript a radio group whose choice is announced in a live region with its
// verdict; keyboard works and ←/→ do not turn the page; without JavaScript the
// options and a <details> with the answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, chapterPages, source } from './lib.js';

// The pages with a question, from the sources: [page, [data-listing…]].
const QUIZ_PAGES = chapterPages()
  .map((page) => [page, [...source(`src/${page.replace(/\.html$/, '.md')}`)
    .matchAll(/<div class="quiz" data-listing="([\d-]+)"/g)].map((m) => m[1])])
  .filter(([, quizzes]) => quizzes.length > 0);

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

// The state of one question: its radios (label, described-by text), the live region,
// and which option is the key.
async function quizState(tab, listing) {
  return tab.evaluate((listing) => {
    const quiz = document.querySelector(`.quiz[data-listing="${listing}"]`);
    if (!quiz) return { error: `no .quiz[data-listing="${listing}"]` };
    const fieldset = quiz.querySelector('fieldset');
    const radios = [...quiz.querySelectorAll('input[type="radio"]')].map((r) => ({
      label: r.labels[0]?.textContent,
      described: document.getElementById(r.getAttribute('aria-describedby'))?.textContent.trim(),
      key: r.closest('.quiz-option').hasAttribute('data-key'),
    }));
    const live = quiz.querySelector('[aria-live="polite"][role="status"]');
    return {
      legend: fieldset?.querySelector('legend')?.textContent,
      radios,
      live: live ? live.textContent : null,
      details: !!quiz.querySelector('details.quiz-answer'),
    };
  }, listing);
}

test('every question is a labelled radio group; a choice is announced with its verdict', async () => {
  assert.ok(QUIZ_PAGES.length >= 5, `expected questions in chapters 2–6, found pages ${JSON.stringify(QUIZ_PAGES)}`);
  const context = await browser.newContext();
  for (const [page, listings] of QUIZ_PAGES) {
    const tab = await openPage(context, page);
    for (const listing of listings) {
      const where = `${page} question on listing ${listing}`;
      const state = await quizState(tab, listing);
      assert.ok(!state.error, `${where}: ${state.error}`);
      assert.match(state.legend || '', new RegExp(`листинг ${listing}`), `${where}: expected a <legend> naming the listing, found «${state.legend}»`);
      assert.ok(state.radios.length >= 3 && state.radios.length <= 4, `${where}: expected 3–4 radios, found ${state.radios.length}`);
      state.radios.forEach((r, i) => {
        assert.equal(r.label, `Вариант ${i + 1}`, `${where}: radio ${i + 1}: expected label «Вариант ${i + 1}», found «${r.label}»`);
        assert.ok(r.described, `${where}: radio ${i + 1}: expected aria-describedby naming its output block`);
      });
      assert.equal(state.radios.filter((r) => r.key).length, 1, `${where}: expected one key option`);
      assert.equal(state.live, '', `${where}: expected an empty live region (role=status, aria-live=polite) before a choice`);
      // Each option, clicked on its code block, announces «Вариант N — верно/неверно: …».
      for (let i = 0; i < state.radios.length; i++) {
        await tab.locator(`.quiz[data-listing="${listing}"] .quiz-option`).nth(i).locator('pre').click();
        const after = await quizState(tab, listing);
        const verdict = state.radios[i].key ? 'верно' : 'неверно';
        assert.ok(after.live.startsWith(`Вариант ${i + 1} — ${verdict}: `),
          `${where}: after choosing option ${i + 1} expected the live region to say «Вариант ${i + 1} — ${verdict}: …», found «${after.live}»`);
        const checked = await tab.locator(`.quiz[data-listing="${listing}"] input[type="radio"]`).nth(i).isChecked();
        assert.ok(checked, `${where}: clicking option ${i + 1}'s output did not check its radio`);
      }
    }
    assertNoErrors(tab, page);
    await tab.close();
  }
  await context.close();
});

test('the keyboard moves between options; ← / → on a radio do not turn the page', async () => {
  const context = await browser.newContext();
  const [page, [listing]] = QUIZ_PAGES[0];
  const tab = await openPage(context, page);
  const radios = tab.locator(`.quiz[data-listing="${listing}"] input[type="radio"]`);
  await radios.first().focus();
  await tab.keyboard.press('Space');
  assert.ok(await radios.first().isChecked(), `${page}: Space on the first radio did not check it`);
  await tab.keyboard.press('ArrowRight');
  assert.ok(await radios.nth(1).isChecked(), `${page}: → on the first radio did not check the second`);
  await tab.keyboard.press('ArrowLeft');
  await tab.waitForTimeout(300);
  assert.ok(tab.url().endsWith(page), `${page}: ←/→ on a radio turned the page to ${tab.url()}`);
  const live = await tab.locator(`.quiz[data-listing="${listing}"] [aria-live="polite"]`).textContent();
  assert.ok(live.startsWith('Вариант 1 — '), `${page}: after ← back to option 1 expected «Вариант 1 — …» announced, found «${live}»`);
  await context.close();
});

test('without JavaScript a question reads as options and a <details> with the answer', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  for (const [page, listings] of QUIZ_PAGES) {
    const tab = await openPage(context, page);
    for (const listing of listings) {
      const state = await tab.evaluate((listing) => {
        const quiz = document.querySelector(`.quiz[data-listing="${listing}"]`);
        const options = [...quiz.querySelectorAll('.quiz-option')];
        return {
          radios: quiz.querySelectorAll('input').length,
          labels: options.map((o) => getComputedStyle(o, '::before').content),
          outputs: options.filter((o) => o.querySelector('pre')).length,
          summary: quiz.querySelector('details.quiz-answer > summary')?.textContent,
          open: quiz.querySelector('details.quiz-answer')?.open,
          whys: [...quiz.querySelectorAll('details.quiz-answer .quiz-why')].map((p) => p.textContent),
        };
      }, listing);
      const where = `${page} (no JavaScript) question on listing ${listing}`;
      assert.equal(state.radios, 0, `${where}: expected no radio without JavaScript`);
      assert.equal(state.outputs, state.labels.length, `${where}: expected every option to show its output`);
      // Chromium reports the declared content; the counter numbers the options 1, 2, 3…
      state.labels.forEach((content, i) => assert.equal(content, '"Вариант " counter(quiz-option)', `${where}: option ${i + 1}: expected the label «Вариант N» (CSS counter), found ${content}`));
      assert.equal(state.summary, 'Ответ и разбор', `${where}: expected <details> with <summary>Ответ и разбор`);
      assert.equal(state.open, false, `${where}: expected the answer closed until the reader opens it`);
      assert.equal(state.whys.filter((w) => / — верно: /.test(w)).length, 1, `${where}: expected one «— верно:» in the answer, found ${JSON.stringify(state.whys)}`);
    }
    await tab.close();
  }
  await context.close();
});
