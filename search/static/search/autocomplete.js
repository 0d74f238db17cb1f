/*
 * Search suggestions as you type, a progressive enhancement: without it the search forms submit as before.
 *
 * The WAI-ARIA 1.2 combobox with a listbox popup ("list autocomplete"): the field keeps the focus, the
 * active option is pointed at by aria-activedescendant. ArrowDown/ArrowUp move through the suggestions,
 * Enter opens the active one (or submits the form when none is active), Escape closes the list, a second
 * Escape empties the field; a click opens a suggestion; leaving the field closes the list. A polite live
 * region says how many suggestions there are.
 *
 * The endpoint and the texts come from the data-autocomplete-* attributes of the header's search form
 * (rendered in the page's language); every search form sending to the same search page is enhanced with
 * them. The catalogue's, the agenda's and the members' filter forms are search landmarks too, but their
 * q filters their own list: they are left alone.
 */
(function () {
    "use strict";
    if (!window.fetch || !window.AbortController || !document.querySelector) {
        return;
    }
    var source = document.querySelector('form[role="search"][data-autocomplete-url]');
    if (!source) {
        return;
    }
    var MIN_LENGTH = 2;
    var DELAY = 200;
    var texts = {
        url: source.getAttribute("data-autocomplete-url"),
        label: source.getAttribute("data-autocomplete-label") || "",
        none: source.getAttribute("data-autocomplete-none") || "",
        one: source.getAttribute("data-autocomplete-one") || "",
        many: source.getAttribute("data-autocomplete-many") || "",
    };

    function countText(count) {
        if (count === 0) {
            return texts.none;
        }
        return count === 1 ? texts.one : texts.many.replace("{count}", String(count));
    }

    function enhance(form, input, number) {
        var listId = "search-suggestions-" + number;
        var items = [];
        var active = -1;
        var timer = null;
        var controller = null;

        var wrapper = document.createElement("div");
        wrapper.className = "autocomplete";
        input.parentNode.insertBefore(wrapper, input);
        wrapper.appendChild(input);

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "autocomplete__list";
        list.setAttribute("role", "listbox");
        if (texts.label) {
            list.setAttribute("aria-label", texts.label);
        }
        list.hidden = true;
        wrapper.appendChild(list);

        // Present before anything is said in it, so that screen readers listen to it.
        var live = document.createElement("div");
        live.className = "visually-hidden";
        live.setAttribute("aria-live", "polite");
        live.setAttribute("aria-atomic", "true");
        wrapper.appendChild(live);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        function isOpen() {
            return !list.hidden;
        }

        function setActive(index) {
            var options = list.children;
            if (active >= 0 && options[active]) {
                options[active].setAttribute("aria-selected", "false");
            }
            active = index;
            if (index >= 0 && options[index]) {
                options[index].setAttribute("aria-selected", "true");
                input.setAttribute("aria-activedescendant", options[index].id);
                if (options[index].scrollIntoView) {
                    options[index].scrollIntoView({ block: "nearest" });
                }
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function open() {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            setActive(-1);
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function cancel() {
            window.clearTimeout(timer);
            if (controller) {
                controller.abort();
                controller = null;
            }
        }

        function render(results) {
            items = results;
            setActive(-1);
            while (list.firstChild) {
                list.removeChild(list.firstChild);
            }
            results.forEach(function (result, index) {
                var option = document.createElement("li");
                option.id = listId + "-" + index;
                option.className = "autocomplete__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                var title = document.createElement("span");
                title.className = "autocomplete__title";
                title.textContent = result.title;
                option.appendChild(title);
                if (result.kind) {
                    var kind = document.createElement("span");
                    kind.className = "autocomplete__kind";
                    kind.textContent = result.kind;
                    option.appendChild(kind);
                }
                list.appendChild(option);
            });
            if (results.length) {
                open();
            } else {
                close();
            }
            live.textContent = countText(results.length);
        }

        function go(index) {
            var url = items[index] && items[index].url;
            // Only a path of this site: the endpoint gives nothing else, but the page never follows more.
            if (typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/") {
                close();
                window.location.assign(url);
            }
        }

        function suggest(query) {
            controller = new AbortController();
            var separator = texts.url.indexOf("?") === -1 ? "?" : "&";
            window
                .fetch(texts.url + separator + "q=" + encodeURIComponent(query), {
                    signal: controller.signal,
                    credentials: "same-origin",
                    headers: { Accept: "application/json" },
                })
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (data) {
                    // A late answer for an older text is dropped.
                    if (!data || !Array.isArray(data.results) || input.value.trim() !== query) {
                        return;
                    }
                    if (document.activeElement === input) {
                        render(data.results);
                    }
                })
                .catch(function () {
                    // Aborted, offline or a server error: no suggestions, the form still works.
                });
        }

        input.addEventListener("input", function () {
            cancel();
            var query = input.value.trim();
            if (query.length < MIN_LENGTH) {
                items = [];
                close();
                live.textContent = "";
                return;
            }
            timer = window.setTimeout(function () {
                suggest(query);
            }, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey) {
                return;
            }
            switch (event.key) {
                case "ArrowDown":
                    if (!items.length) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen()) {
                        open();
                        setActive(0);
                    } else {
                        setActive(active + 1 < items.length ? active + 1 : 0);
                    }
                    break;
                case "ArrowUp":
                    if (!items.length) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen()) {
                        open();
                        setActive(items.length - 1);
                    } else {
                        setActive(active > 0 ? active - 1 : items.length - 1);
                    }
                    break;
                case "Enter":
                    if (isOpen() && active >= 0) {
                        event.preventDefault();
                        go(active);
                    } else {
                        cancel();
                        close();
                    }
                    break;
                case "Escape":
                    event.preventDefault();
                    if (isOpen()) {
                        close();
                    } else {
                        cancel();
                        items = [];
                        input.value = "";
                        live.textContent = "";
                    }
                    break;
                default:
                    break;
            }
        });

        input.addEventListener("blur", function () {
            cancel();
            close();
        });

        // Pressing an option must not take the focus from the field (that would close the list first).
        list.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });
        list.addEventListener("click", function (event) {
            var option = event.target.closest('[role="option"]');
            if (option) {
                go(Array.prototype.indexOf.call(list.children, option));
            }
        });

        form.addEventListener("submit", function () {
            cancel();
            close();
        });
    }

    var action = source.action;
    var number = 0;
    Array.prototype.forEach.call(document.querySelectorAll('form[role="search"]'), function (form) {
        var input = form.querySelector('input[name="q"]');
        if (input && form.action === action && !input.hasAttribute("role")) {
            number += 1;
            enhance(form, input, number);
        }
    });
})();
