'use strict';
// «Асинхронность»: additions to mdBook 0.5.4's stock JS (see theme/README.md).

/* == mark.js only where words are marked (issue 14, point 3) == */
// searcher.js needs `Mark` to exist, but uses it only to mark the searched words on
// a page opened from a result (?highlight=): elsewhere a stand-in takes its place,
// 6 KB less before the first results; it fetches mark.js should it ever mark.
(function markOnlyWhenMarking() {
    const sources = window.mdbook_search_scripts;
    const mark = sources && sources.find((src) => /(^|\/)mark-?[^/]*\.min\.js$/.test(src));
    if (!mark || new URLSearchParams(location.search).has('highlight')) {
        return;
    }
    window.mdbook_search_scripts = sources.filter((src) => src !== mark);
    window.Mark = function MarkOnFirstUse(context) {
        let real = null;
        const waiting = [];
        return {
            mark(...args) {
                if (real) {
                    real.mark(...args);
                    return;
                }
                waiting.push(args);
                if (waiting.length === 1) {
                    const script = document.createElement('script');
                    script.src = mark;
                    script.onload = () => {
                        real = new window.Mark(context);
                        waiting.forEach((a) => real.mark(...a));
                    };
                    window.Mark = undefined; // mark.min.js sets the real one
                    document.head.append(script);
                }
            },
            unmark(...args) {
                if (real) {
                    real.unmark(...args);
                }
            },
        };
    };
})();

// 0. The search scripts (elasticlunr, mark, searcher.js; theme/index.hbs lists them in
// mdbook_search_scripts) load on first use: the search button, S or /, or a page
// opened with ?search= or ?highlight=. The search bar shows at once, so nothing
// typed meanwhile is lost; once searcher.js is set up, it is opened through it.
(function searchOnFirstUse() {
    const sources = window.mdbook_search_scripts;
    const toggle = document.getElementById('mdbook-search-toggle');
    const wrapper = document.getElementById('mdbook-search-wrapper');
    const searchbar = document.getElementById('mdbook-searchbar');
    if (!sources || !toggle || !wrapper || !searchbar) {
        return;
    }
    function load() {
        // All fetched at once and run in order (async = false); the index, which
        // searcher.js asks for when it runs, is fetched alongside them (preload):
        // one round trip instead of four on a slow network (issue 14).
        if (window.path_to_searchindex_js) {
            const preload = document.createElement('link');
            preload.rel = 'preload';
            preload.as = 'script';
            preload.href = window.path_to_searchindex_js;
            document.head.append(preload);
        }
        return Promise.all(sources.map((src) => new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = src;
            script.async = false;
            script.onload = resolve;
            script.onerror = () => reject(new Error(src + ': could not be loaded'));
            document.head.append(script);
        })));
    }
    const params = new URLSearchParams(location.search);
    if (params.has('search') || params.has('highlight')) {
        load();
        return;
    }
    function open(e) {
        e.preventDefault();
        e.stopImmediatePropagation();
        toggle.removeEventListener('click', open, true);
        document.removeEventListener('keydown', onKey, true);
        wrapper.classList.remove('hidden');
        toggle.setAttribute('aria-expanded', 'true');
        searchbar.focus();
        load().then(function() {
            // searcher.js hid the bar while setting up; its own handler shows it and
            // loads the index, which then searches for whatever was typed.
            if (wrapper.classList.contains('hidden')) {
                const typed = searchbar.value.length;
                toggle.click();
                searchbar.setSelectionRange(typed, typed);
            }
        });
    }
    function onKey(e) {
        if (!e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === 's' || e.key === '/')
            && !mdbook_something_else_has_focus(e)) {
            open(e);
        }
    }
    toggle.addEventListener('click', open, true);
    document.addEventListener('keydown', onKey, true);
})();

// 1. Russian search messages. searcher.js is compiled into mdBook and writes English
// («5 search results for 'x':») into the results header; rewrite each one as it lands.
(function russianSearchMessages() {
    const header = document.getElementById('mdbook-searchresults-header');
    const results = document.getElementById('mdbook-searchresults');
    if (!header || !results) {
        return;
    }
    const plural = new Intl.PluralRules('ru');
    const forms = {
        one: ['Найден', 'результат'],
        few: ['Найдено', 'результата'],
        many: ['Найдено', 'результатов'],
        other: ['Найдено', 'результата'],
    };
    function russian(text) {
        let m = /^(\d+) search results? for '([\s\S]*)':$/.exec(text);
        if (m) {
            const [found, noun] = forms[plural.select(Number(m[1]))];
            return found + ' ' + m[1] + ' ' + noun + ' по запросу «' + m[2] + '»:';
        }
        m = /^No search results for '([\s\S]*)'\.$/.exec(text);
        if (m) {
            return 'Ничего не найдено по запросу «' + m[1] + '».';
        }
        return null;
    }
    new MutationObserver(function() {
        const text = russian(header.textContent);
        if (text !== null) {
            header.textContent = text;
        }
    }).observe(header, { childList: true, characterData: true, subtree: true });
    new MutationObserver(function() {
        results.querySelectorAll('.teaser[aria-label="Search Result Teaser"]').forEach(function(teaser) {
            // No aria-label: a <span> without a role may not have one (axe
            // aria-prohibited-attr); the result's link names it with aria-details.
            teaser.removeAttribute('aria-label');
        });
    }).observe(results, { childList: true });
    window.mdbookRussianSearchMessage = russian; // for the browser tests
})();

// 2. The sidebar toggle is a <button> (theme/index.hbs): it flips the checkbox that
// the stock <label> used to, and book.js reacts to the checkbox as before.
(function sidebarToggleButton() {
    const toggle = document.getElementById('mdbook-sidebar-toggle');
    const checkbox = document.getElementById('mdbook-sidebar-toggle-anchor');
    toggle.addEventListener('click', () => checkbox.click());
})();

// 3. Python | Rust tabs. Each <figure class="listing" id="listing-N-M-python"> directly
// followed by id="listing-N-M-rust" becomes one tab set (WAI-ARIA tabs pattern,
// automatic activation). The choice applies to every tab set and is remembered in
// localStorage under LANGUAGE_KEY. Without JavaScript both figures stay visible.
(function listingTabs() {
    const LANGUAGE_KEY = 'asinkhronnost-listing-language';
    const LANGUAGES = [['python', 'Python'], ['rust', 'Rust']];
    const tabSets = [];
    let sideBySide = false; // see sideBySideWhenWide below

    function storedLanguage() {
        try {
            const value = localStorage.getItem(LANGUAGE_KEY);
            return LANGUAGES.some(([id]) => id === value) ? value : null;
        } catch (e) {
            return null;
        }
    }

    function select(language, { store = true, focus = null } = {}) {
        tabSets.forEach(function(tabs) {
            tabs.forEach(function({ tab, panel, id }) {
                const selected = id === language;
                tab.setAttribute('aria-selected', String(selected));
                tab.tabIndex = selected ? 0 : -1;
                panel.hidden = !selected && !sideBySide;
            });
        });
        if (focus) {
            focus.focus();
        }
        if (store) {
            try {
                localStorage.setItem(LANGUAGE_KEY, language);
            } catch (e) {
                // Private mode: the choice lasts for this page only.
            }
        }
    }

    document.querySelectorAll('figure.listing[id$="-python"]').forEach(function(python) {
        const base = python.id.slice(0, -'-python'.length);
        const rust = python.nextElementSibling;
        if (!rust || !rust.matches('figure.listing') || rust.id !== base + '-rust') {
            return;
        }
        const wrapper = document.createElement('div');
        wrapper.className = 'listing-tabs';
        const tablist = document.createElement('div');
        tablist.setAttribute('role', 'tablist');
        tablist.setAttribute('aria-label', 'Листинг ' + base.slice('listing-'.length) + ': язык');
        python.before(wrapper);
        wrapper.append(tablist, python, rust);

        const tabs = LANGUAGES.map(function([id, label], index) {
            const figure = index === 0 ? python : rust;
            // A <figure> may not take role="tabpanel" (axe aria-allowed-role): wrap it.
            const panel = document.createElement('div');
            panel.id = figure.id + '-panel';
            figure.before(panel);
            panel.append(figure);
            const tab = document.createElement('button');
            tab.type = 'button';
            tab.id = figure.id + '-tab';
            tab.textContent = label;
            tab.setAttribute('role', 'tab');
            tab.setAttribute('aria-controls', panel.id);
            panel.setAttribute('role', 'tabpanel');
            panel.setAttribute('aria-labelledby', tab.id);
            panel.tabIndex = 0;
            tablist.append(tab);
            tab.addEventListener('click', () => select(id));
            return { tab, panel, id };
        });
        tablist.addEventListener('keydown', function(e) {
            const current = tabs.findIndex(({ tab }) => tab === document.activeElement);
            const last = tabs.length - 1;
            const next = {
                ArrowLeft: current === 0 ? last : current - 1,
                ArrowRight: current === last ? 0 : current + 1,
                Home: 0,
                End: last,
            }[e.key];
            if (current < 0 || next === undefined || e.altKey || e.ctrlKey || e.metaKey) {
                return;
            }
            // Keep book.js from turning ←/→ into «previous/next chapter».
            e.preventDefault();
            e.stopPropagation();
            select(tabs[next].id, { focus: tabs[next].tab });
        });
        tabs.wrapper = wrapper;
        tabs.tablist = tablist;
        tabSets.push(tabs);
    });

    if (tabSets.length === 0) {
        return;
    }
    // A link to one listing (#listing-3-3-rust) shows that listing.
    function showLinkedListing() {
        const target = location.hash.match(/^#listing-.*-(python|rust)$/);
        const figure = target && document.getElementById(target[0].slice(1));
        if (figure && figure.parentElement.getAttribute('role') === 'tabpanel') {
            select(target[1], { store: false });
            figure.scrollIntoView();
            return true;
        }
        return false;
    }
    if (!showLinkedListing()) {
        select(storedLanguage() || 'python', { store: false });
    }
    window.addEventListener('hashchange', showLinkedListing);

    // Side by side where the book's column can widen to two listings of 80 columns
    // (theme/README.md): no tabs then, both panels plain <div>s; the stored choice is
    // kept for when the window narrows again. Measured in the code's own font.
    (function sideBySideWhenWide() {
        const content = document.getElementById('mdbook-content');
        const code = document.querySelector('.listing-tabs pre > code');
        if (!content || !code) {
            return;
        }
        const GAP = 16;
        // Two listings of 80 columns and the gap: a hidden copy of a listing's code
        // box, in <main> (a listing in a hidden tab has no size).
        function pairWidth() {
            const pre = document.createElement('pre');
            const probe = document.createElement('code');
            probe.className = code.className;
            probe.textContent = '0'.repeat(80);
            pre.style.cssText = 'position: absolute; visibility: hidden; margin: 0; padding: 0';
            pre.append(probe);
            document.querySelector('main').append(pre);
            const width = probe.getBoundingClientRect().width;
            pre.remove();
            return 2 * Math.ceil(width) + GAP;
        }
        function layout() {
            const style = getComputedStyle(content);
            const room = content.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const width = pairWidth();
            const wide = room >= width;
            document.documentElement.style.setProperty('--listing-pair-width', width + 'px');
            if (wide === sideBySide) {
                return;
            }
            sideBySide = wide;
            tabSets.forEach(function(tabs) {
                tabs.wrapper.classList.toggle('listing-pair', wide);
                tabs.tablist.hidden = wide;
                tabs.forEach(function({ tab, panel }) {
                    if (wide) {
                        ['role', 'aria-labelledby', 'tabindex'].forEach((name) => panel.removeAttribute(name));
                    } else {
                        panel.setAttribute('role', 'tabpanel');
                        panel.setAttribute('aria-labelledby', tab.id);
                        panel.tabIndex = 0;
                    }
                    panel.hidden = !wide && tab.getAttribute('aria-selected') !== 'true';
                });
            });
        }
        layout();
        // The sidebar's toggle changes the room without resizing the window.
        new ResizeObserver(layout).observe(content);
    })();
    // Another tab of the browser changed the choice.
    window.addEventListener('storage', function(e) {
        if (e.key === LANGUAGE_KEY && storedLanguage()) {
            select(storedLanguage(), { store: false });
        }
    });
})();

// 4. A table wider than the page scrolls inside its own box (theme/book-ru.css draws
// a shadow on the side that has more); say so in words too, while that is the case.
(function tableScrollHints() {
    const wrappers = Array.from(document.querySelectorAll('main .table-wrapper'));
    const hints = wrappers.map(function(wrapper) {
        const hint = document.createElement('p');
        hint.className = 'table-scroll-hint';
        hint.textContent = 'Таблица прокручивается вбок →';
        wrapper.after(hint);
        return hint;
    });
    function update() {
        wrappers.forEach(function(wrapper, i) {
            hints[i].hidden = wrapper.scrollWidth <= wrapper.clientWidth;
        });
    }
    update();
    window.addEventListener('resize', update);
})();

/* == Search on every change of the box's text (issue 14) == */
// searcher.js searches on `keyup` only. A word picked from a phone keyboard's
// suggestions, a paste, dictation or the end of an IME composition changes the text
// with `input` events and no key: each change is handed to searcher.js as the keyup
// it listens to. Its own check («don't search the same twice») keeps a key press
// (input, then the real keyup) to one search; Enter, arrows and Esc stay its keydown.
(function searchOnInput() {
    const searchbar = document.getElementById('mdbook-searchbar');
    if (!searchbar) {
        return;
    }
    function changed(e) {
        // Text in the middle of a composition is not the reader's yet: wait for its end.
        if (e.isComposing) {
            return;
        }
        searchbar.dispatchEvent(new KeyboardEvent('keyup'));
    }
    searchbar.addEventListener('input', changed);
    searchbar.addEventListener('compositionend', changed);
})();

/* == Reading aids (issue 16): kinds of notes, rejected listings == */
// A note is a blockquote whose first word in bold says what it is (see book-ru.css).
// A listing rustc rejects or that panics gets a mark with a word in its caption, so
// it is not told apart by colour alone and a screen reader reads it first.
(function readingAids() {
    const KINDS = [
        ['В Rust', 'note-rust'],
        ['Читаем Rust', 'note-syntax'],
        ['Примечание о GIL', 'note-cpython'],
        ['Попробуйте', 'note-try'],
    ];
    document.querySelectorAll('main blockquote > p:first-child > strong:first-child').forEach((strong) => {
        const kind = KINDS.find(([lead]) => strong.textContent.startsWith(lead));
        if (kind && strong.parentElement.firstChild === strong) {
            strong.closest('blockquote').classList.add(kind[1]);
        }
    });
    const MARKS = [['compile_fail', '✗', 'Не компилируется'], ['should_panic', '⚠', 'Паника']];
    document.querySelectorAll('main figure.listing').forEach((figure) => {
        const code = figure.querySelector('pre > code');
        const caption = figure.querySelector('figcaption');
        const mark = code && MARKS.find(([kind]) => code.classList.contains(kind));
        if (!mark || !caption) {
            return;
        }
        const [, icon, word] = mark;
        const label = document.createElement('span');
        label.className = 'rejected-mark';
        const iconSpan = document.createElement('span');
        iconSpan.setAttribute('aria-hidden', 'true');
        iconSpan.textContent = icon + ' ';
        label.append(iconSpan, word + ':');
        caption.prepend(label, ' ');
        figure.classList.add('rejected');
    });
})();

/* == offline: service worker (offline/README.md) == */
// The build writes sw.js at the site's root (offline/render.py). Browsers allow a
// service worker only in a secure context (https, localhost, 127.0.0.1); not from
// file://. Registered after `load`, so the book's own download does not compete with the page.
(function offlineServiceWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext || !/^https?:$/.test(location.protocol)) {
        return;
    }
    window.addEventListener('load', function() {
        navigator.serviceWorker.register(path_to_root + 'sw.js').catch(function(e) {
            console.warn('Книга не будет доступна без сети: ' + e.message);
        });
    });
})();

/* == accessibility: scrolling code blocks take the keyboard focus (theme/README.md) == */
// A listing wider than its box scrolls sideways; without a tab stop a keyboard reader
// cannot scroll it (axe scrollable-region-focusable). Only those that scroll get one.
(function focusableScrollingCode() {
    // Observed, not measured once: a listing in a hidden tab has no width until shown.
    const observer = new ResizeObserver(function(entries) {
        entries.forEach(function({ target: code }) {
            if (code.scrollWidth > code.clientWidth + 1) {
                code.tabIndex = 0;
            } else {
                code.removeAttribute('tabindex');
            }
        });
    });
    document.querySelectorAll('main pre > code').forEach((code) => observer.observe(code));
})();

/* == «Что напечатает?» questions == */
// 5. Each <div class="quiz"> (markup: tests/book/quiz.rs) becomes a radio group: a
// <fieldset> whose legend is the question, one radio per option (its label «Вариант N»,
// its code block as the description); picking one announces, in a live region, its
// verdict and why (the option's <p class="quiz-why"> from the <details> answer, which
// stays for the whole analysis). Without JavaScript: the options and the <details>.
(function quizzes() {
    document.querySelectorAll('main .quiz').forEach(function(quiz, quizIndex) {
        const options = Array.from(quiz.querySelectorAll(':scope > .quiz-option'));
        const whys = Array.from(quiz.querySelectorAll('.quiz-answer .quiz-why'));
        const question = quiz.querySelector(':scope > .quiz-question');
        if (options.length === 0 || whys.length !== options.length || !question) {
            return;
        }
        const name = 'quiz-' + (quiz.dataset.listing || quizIndex);
        const fieldset = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.className = 'quiz-question';
        legend.textContent = question.textContent;
        fieldset.append(legend);
        const result = document.createElement('p');
        result.className = 'quiz-result';
        result.setAttribute('role', 'status');
        result.setAttribute('aria-live', 'polite');
        options.forEach(function(option, i) {
            const id = name + '-' + (i + 1);
            const input = document.createElement('input');
            input.type = 'radio';
            input.name = name;
            input.id = id;
            const label = document.createElement('label');
            label.htmlFor = id;
            label.textContent = 'Вариант ' + (i + 1);
            const pre = option.querySelector('pre');
            if (pre) {
                pre.id = id + '-text';
                input.setAttribute('aria-describedby', pre.id);
                // The whole option is the target, not only the radio and its label.
                pre.addEventListener('click', () => input.click());
            }
            option.prepend(input, label);
            input.addEventListener('change', function() {
                const right = option.hasAttribute('data-key');
                result.textContent = whys[i].textContent;
                result.classList.toggle('quiz-right', right);
                result.classList.toggle('quiz-wrong', !right);
                options.forEach((o) => o.classList.toggle('quiz-chosen', o === option));
            });
            fieldset.append(option);
        });
        // ←/→ move between the radios; book.js leaves keys typed in an <input> alone.
        question.replaceWith(fieldset);
        fieldset.after(result);
        quiz.classList.add('quiz-ready');
    });
})();

/* == Reference tables: whole at 1280 px, cards on a phone (issue 17) == */
// 5. A table of four columns or more (the glossary, «Как выбрать», the measurements):
// each cell gets its column's name (data-label), from which theme/book-ru.css labels
// the fields when a narrow screen shows each row as a card; the code in its cells may
// break after «::», «.», «_», «(», «,» (<wbr>), so that at 1280 px the table fits its
// column instead of scrolling. Without JavaScript the table stays one that scrolls.
(function tableCards() {
    const BREAK_AFTER = /(?<=::|[._(,/])(?=.)/;
    document.querySelectorAll('main table').forEach(function(table) {
        const headers = Array.from(table.querySelectorAll('thead th')).map(function(th) {
            return th.textContent.trim();
        });
        if (headers.length < 4) {
            return;
        }
        table.classList.add('table-cards');
        const wrapper = table.closest('.table-wrapper');
        if (wrapper) {
            wrapper.classList.add('table-cards-wrapper');
        }
        table.querySelectorAll('tbody tr').forEach(function(row) {
            Array.from(row.children).forEach(function(cell, i) {
                cell.dataset.label = headers[i] || '';
            });
        });
        table.querySelectorAll('td code').forEach(function(code) {
            if (code.children.length > 0) {
                return;
            }
            const parts = code.textContent.split(BREAK_AFTER);
            if (parts.length < 2) {
                return;
            }
            code.textContent = '';
            parts.forEach(function(part, i) {
                if (i > 0) {
                    code.append(document.createElement('wbr'));
                }
                code.append(part);
            });
        });
    });
    // The scrolling hints (4.) were measured before the tables changed.
    window.dispatchEvent(new Event('resize'));
})();
