/* The search data as search-ru/src/lib.rs packs it (`pack`: less to download
 * before the first results), back in the form elasticlunr 0.9 and mdBook's
 * searcher.js load. The sections' text, which only the results' teasers need,
 * comes in a file of its own, fetched once the first results are shown. */
(function (window) {
    'use strict';
    var searchRu = window.searchRu = window.searchRu || {};
    var docs = null;

    searchRu.unpack = function (search) {
        var elasticlunr = window.elasticlunr;
        var index = search.index;
        Object.keys(index.index).forEach(function (field) {
            var packed = index.index[field];
            var inverted = new elasticlunr.InvertedIndex();
            packed.terms.forEach(function (term, i) {
                var postings = packed.postings[i];
                for (var j = 0; j < postings.length; j += 2) {
                    // elasticlunr's tf is √count, as elasticlunr-rs computed it.
                    inverted.addToken(term, { ref: String(postings[j]), tf: Math.sqrt(postings[j + 1]) });
                }
            });
            index.index[field] = inverted.toJSON();
        });
        docs = index.documentStore.docs;
        Object.keys(docs).forEach(function (ref) {
            docs[ref].body = '';
        });
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
