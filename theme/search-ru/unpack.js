/* The search data as search-ru/src/lib.rs packs it (`pack`: less to download
 * before the first results), back in the form elasticlunr 0.9 and mdBook's
 * searcher.js load. The sections' text, which only the results' teasers need,
 * comes in a file of its own, fetched once the first results are shown. */
(function (window) {
    'use strict';
    var searchRu = window.searchRu = window.searchRu || {};
    var docs = null;

    // The characters that open a term of the dictionary: the n-th says the term
    // shares its first n characters with the one before (SHARED_PREFIX in lib.rs).
    var SHARED_PREFIX = "!#$%&()*+,-./:;<=>?@[]^`{|}~";
    // The fields not packed, made of the breadcrumbs (DERIVED in lib.rs).
    var DERIVED = ['title', 'breadcrumbs'];

    function terms(packed) {
        var list = [];
        var before = '';
        for (var i = 0; i < packed.length;) {
            var shared = SHARED_PREFIX.indexOf(packed[i]);
            var end = i + 1;
            while (end < packed.length && SHARED_PREFIX.indexOf(packed[end]) < 0) {
                end++;
            }
            before = before.slice(0, shared) + packed.slice(i + 1, end);
            list.push(before);
            i = end;
        }
        return list;
    }

    // The id mdBook gives a heading (`heading_id` in lib.rs, mdbook-html's
    // `id_from_content`): lowercase letters, digits, `_` and `-`, a space as `-`.
    function headingId(title) {
        return Array.from(title.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '').toLowerCase())
            .map(function (c) {
                return /[\p{Alphabetic}\p{N}_-]/u.test(c) ? c : /\p{White_Space}/u.test(c) ? '-' : '';
            })
            .join('');
    }

    // A field's postings, `;` after each term's, each `delta` or `delta:count`
    // (the section after the one before), read a character at a time: split()
    // would make some 30 000 short strings, too slow on a phone.
    function addPostings(packed, dictionary, inverted) {
        var term = 0, doc = 0, delta = 0, count = 0, digits = false, inCount = false;
        for (var i = 0; i <= packed.length; i++) {
            var c = i < packed.length ? packed.charCodeAt(i) : 59;
            if (c >= 48 && c <= 57) {
                if (inCount) {
                    count = count * 10 + c - 48;
                } else {
                    delta = delta * 10 + c - 48;
                    digits = true;
                }
            } else if (c === 58) {
                inCount = true;
            } else {
                if (digits) {
                    doc += delta;
                    // elasticlunr's tf is √count, as elasticlunr-rs computed it.
                    inverted.addToken(dictionary[term], { ref: String(doc), tf: Math.sqrt(count || 1) });
                }
                delta = count = 0;
                digits = inCount = false;
                if (c === 59) {
                    term++;
                    doc = 0;
                }
            }
        }
    }

    searchRu.unpack = function (search) {
        var elasticlunr = window.elasticlunr;
        var index = search.index;
        var dictionary = terms(index.index.terms);
        delete index.index.terms;
        Object.keys(index.index).forEach(function (field) {
            var inverted = new elasticlunr.InvertedIndex();
            addPostings(index.index[field], dictionary, inverted);
            index.index[field] = inverted.toJSON();
        });
        var store = index.documentStore;
        function title(ref) {
            return ref in store.titles ? store.titles[ref] : store.breadcrumbs[ref].split(' » ').pop();
        }
        search.doc_urls = search.doc_urls.map(function (page, ref) {
            return page + (ref in store.anchors ? store.anchors[ref] : '#' + headingId(title(ref)));
        });
        docs = {};
        var docInfo = {};
        store.breadcrumbs.forEach(function (breadcrumbs, ref) {
            // The body, the teaser's source, comes with the teasers.
            docs[ref] = { breadcrumbs: breadcrumbs, body: '' };
            docInfo[ref] = {};
            Object.keys(store.lengths).forEach(function (field) {
                docInfo[ref][field] = store.lengths[field][ref];
            });
        });
        // The fields whose text the store holds anyway are indexed here, as
        // elasticlunr-rs indexed them: the title is the breadcrumbs' last part
        // (or, where it is not, in `titles`).
        var pipeline = elasticlunr.Pipeline.load(index.pipeline);
        DERIVED.forEach(function (field) {
            var inverted = new elasticlunr.InvertedIndex();
            store.breadcrumbs.forEach(function (breadcrumbs, ref) {
                var text = field === 'breadcrumbs' ? breadcrumbs : title(ref);
                var tokens = pipeline.run(elasticlunr.tokenizer(text));
                var counts = new Map();
                tokens.forEach(function (token) {
                    counts.set(token, (counts.get(token) || 0) + 1);
                });
                counts.forEach(function (count, token) {
                    inverted.addToken(token, { ref: String(ref), tf: Math.sqrt(count) });
                });
                docInfo[ref][field] = tokens.length;
            });
            index.index[field] = inverted.toJSON();
        });
        index.documentStore = { save: true, docs: docs, docInfo: docInfo, length: store.breadcrumbs.length };
        if (search.teasers && window.document) {
            // This script's load event sets searcher.js up and shows the first
            // results; the teasers' bytes come after them.
            window.setTimeout(function () {
                var script = document.createElement('script');
                script.src = (window.path_to_root || '') + search.teasers;
                document.head.append(script);
            }, 0);
        }
    };

    searchRu.teasers = function (teasers) {
        Object.keys(teasers).forEach(function (ref) {
            if (docs && docs[ref]) {
                docs[ref].body = teasers[ref];
            }
        });
        searchRu.teasersLoaded = true;
        showTeasers();
    };

    // searcher.js builds a result's teaser as it lists it and never searches the
    // same text twice: results already shown get their teasers by a search for the
    // text with an invisible U+200B after it (no word of its own), then for the
    // text itself, each handed over as the keyup searcher.js listens to.
    function showTeasers() {
        var bar = document.getElementById('mdbook-searchbar');
        if (!bar || bar.value.trim() === '' || !document.querySelector('#mdbook-searchresults li')) {
            return;
        }
        var value = bar.value, start = bar.selectionStart, end = bar.selectionEnd;
        bar.value = value + '\u200b';
        bar.dispatchEvent(new KeyboardEvent('keyup'));
        bar.value = value;
        bar.setSelectionRange(start, end);
        bar.dispatchEvent(new KeyboardEvent('keyup'));
    }
})(window);
