/* The one lunr 2 function that lunr.ru.min.js calls and mdBook's elasticlunr
 * 0.9 lacks. Loaded after lunr.stemmer.support.min.js, before lunr.ru.min.js. */
(function (lunr) {
    'use strict';
    if (!lunr.generateStopWordFilter) {
        lunr.generateStopWordFilter = function (stopWords) {
            var words = new Set(stopWords);
            return function (token) {
                return words.has(token) ? undefined : token;
            };
        };
    }
})(window.lunr);
