/* The search pipeline of this book, the same as search-ru/src/lib.rs builds the
 * index with (tests/same_terms.rs compares the two): words are runs of letters,
 * digits and `_`; ё is е; Cyrillic words go through lunr-languages' Russian stop
 * words and Snowball stemmer, ASCII words through elasticlunr's English pipeline,
 * others stay as written. */
(function (elasticlunr) {
    'use strict';
    var MAX_TOKEN_LENGTH = 80;
    var CYRILLIC = /[\u0400-\u052F]/;
    var ASCII = /^[\x00-\x7F]*$/;
    var english = [elasticlunr.trimmer, elasticlunr.stopWordFilter, elasticlunr.stemmer];
    var russian = [elasticlunr.ru.stopWordFilter, elasticlunr.ru.stemmer];

    function runAll(functions, token) {
        for (var i = 0; i < functions.length && token; i++) {
            token = functions[i](token);
        }
        return token || undefined;
    }

    function stem(token) {
        if (!token || token.length > MAX_TOKEN_LENGTH) {
            return undefined;
        }
        token = token.replace(/ё/g, 'е');
        if (CYRILLIC.test(token)) {
            return runAll(russian, token);
        }
        // Other scripts than Cyrillic and ASCII are found as written.
        return ASCII.test(token) ? runAll(english, token) : token;
    }

    // unpack.js indexes every section's breadcrumbs, the same few words again
    // and again: each is stemmed once.
    var terms = new Map();
    function term(token) {
        if (!terms.has(token)) {
            terms.set(token, stem(token));
        }
        return terms.get(token);
    }

    elasticlunr.Pipeline.registerFunction(term, 'stemmer-ru-en');
    elasticlunr.tokenizer.setSeperator(/[^\p{Alphabetic}\p{N}_]+/u);

    // The words readers type for a glossary term (src/glossary.md, «Не пишем»),
    // put in window.searchRuVariants by search-ru as [typed words, term's words]:
    // a run of tokens that spells one becomes the term's words, the longest run
    // first, as `Variants::apply` in search-ru/src/lib.rs does to the index.
    function key(token) {
        return term(token) || token.replace(/ё/g, 'е');
    }
    var variants = new Map();
    var longest = 0;
    (window.searchRuVariants || []).forEach(function (pair) {
        variants.set(pair[0].map(key).join(' '), pair[1]);
        longest = Math.max(longest, pair[0].length);
    });
    function applyVariants(tokens) {
        tokens = tokens.filter(function (token) { return token !== ''; });
        var keys = tokens.map(key);
        var out = [];
        for (var i = 0; i < tokens.length;) {
            var n = Math.min(longest, tokens.length - i);
            while (n > 0 && !variants.has(keys.slice(i, i + n).join(' '))) {
                n--;
            }
            if (n > 0) {
                out.push.apply(out, variants.get(keys.slice(i, i + n).join(' ')));
                i += n;
            } else {
                out.push(tokens[i]);
                i += 1;
            }
        }
        return out;
    }
    // The query goes through elasticlunr.tokenizer (Index.search); keep its
    // separator, which the original reads from elasticlunr.tokenizer.seperator.
    var split = elasticlunr.tokenizer;
    elasticlunr.tokenizer = Object.assign(function (str) {
        return applyVariants(split(str));
    }, split);

    // mdBook's searcher links each result to `page?highlight=<the query's words>`
    // and that page marks those words as substrings: «потоков» would not mark
    // «потоки». Link to the stems instead, which are prefixes of every form.
    function highlightWords(query) {
        var words = [];
        elasticlunr.tokenizer(query).forEach(function (token) {
            var stem = term(token);
            if (stem) {
                var plain = token.replace(/ё/g, 'е');
                words.push(stem.length >= 3 && plain.indexOf(stem) === 0 ? stem : token);
            }
        });
        return words;
    }
    var results = window.document && window.document.getElementById('mdbook-searchresults');
    if (results && window.MutationObserver) {
        new MutationObserver(function () {
            results.querySelectorAll('a[href*="highlight="]:not([data-stemmed])').forEach(function (link) {
                link.setAttribute('data-stemmed', '');
                link.href = link.getAttribute('href').replace(/([?&]highlight=)([^#&]*)/, function (_, key, value) {
                    var words = highlightWords(decodeURIComponent(value));
                    return key + encodeURIComponent(words.join(' ')).replace(/'/g, '%27');
                });
            });
        }).observe(results, { childList: true });
    }

    // mdBook's searcher emphasises the query's words in each result's teaser
    // by comparing stems made with `elasticlunr.stemmer`: make it stem Russian too.
    // A word of the glossary typed for a term («дедлок») stands for the term's
    // first word there («взаимная»), so the teaser shows and emphasises the term.
    var englishStemmer = elasticlunr.stemmer;
    elasticlunr.stemmer = function (word) {
        word = word.replace(/ё/g, 'е');
        var variant = variants.get(key(word.toLowerCase()));
        if (variant) {
            word = variant[0];
        }
        return CYRILLIC.test(word) ? elasticlunr.ru.stemmer(word) : englishStemmer(word);
    };
})(window.elasticlunr);
