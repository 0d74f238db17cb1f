/*
 * Catalogue memory, a progressive enhancement: everything works without it.
 *
 * The filters live in the catalogue's URL (a plain GET form), so the browser's Back button already
 * restores them. This script also remembers, for this tab only (sessionStorage), the last catalogue URL
 * visited, and points the "Retour au catalogue" link of offer pages at it, filters included.
 * The HTML stays the same for every visitor, so caches can share it.
 */
(function () {
    "use strict";
    var KEY = "offers:catalogue";
    var storage;
    try {
        storage = window.sessionStorage;
    } catch (error) {
        return; // storage disabled: the plain link stays
    }

    var form = document.getElementById("catalogue-filters");
    if (form) {
        try {
            storage.setItem(KEY, JSON.stringify({ path: window.location.pathname, search: window.location.search }));
        } catch (error) {
            // quota or privacy mode: nothing to remember
        }
        return;
    }

    var link = document.querySelector("a[data-catalogue-back]");
    if (!link) {
        return;
    }
    var saved;
    try {
        saved = JSON.parse(storage.getItem(KEY) || "null");
    } catch (error) {
        saved = null;
    }
    // Only a catalogue of the same language (same path) and only a query string are reused.
    if (saved && saved.path === link.getAttribute("data-catalogue-path") && /^\?[^#]*$/.test(saved.search || "")) {
        link.setAttribute("href", saved.path + saved.search);
    }
})();
