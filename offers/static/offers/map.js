/* The map of offers: draws the points of templates/components/offer_map.html with Leaflet.
 *
 * The points are in the page (a json_script element named by data-points) or, on the catalogue, fetched
 * from data-points-url with the note shown above the map. A failed fetch leaves the map hidden.
 *
 * The section stays hidden until the map is drawn, so a page without JavaScript, or without Leaflet,
 * shows no empty box: its list of offers already carries the same links. Offers at the same place share
 * one marker whose popup lists them. Without a tile server the region's outline is the background.
 * No inline style attribute is written by this script; Leaflet positions its layers through the CSSOM.
 */
(function () {
    "use strict";

    function readJSON(id) {
        var element = id && document.getElementById(id);
        if (!element) {
            return null;
        }
        try {
            return JSON.parse(element.textContent);
        } catch (error) {
            return null;
        }
    }

    function groupByPlace(points) {
        var groups = [];
        var byKey = {};
        points.forEach(function (point) {
            var lat = Number(point.lat);
            var lng = Number(point.lng);
            if (!isFinite(lat) || !isFinite(lng)) {
                return;
            }
            var key = lat.toFixed(5) + "," + lng.toFixed(5);
            if (!byKey[key]) {
                byKey[key] = { lat: lat, lng: lng, commune: point.commune || "", offers: [] };
                groups.push(byKey[key]);
            }
            byKey[key].offers.push(point);
        });
        return groups;
    }

    function popupContent(group) {
        var wrapper = document.createElement("div");
        wrapper.className = "offer-map__popup";
        if (group.commune) {
            var place = document.createElement("p");
            place.className = "offer-map__place";
            place.textContent = group.commune;
            wrapper.appendChild(place);
        }
        var list = document.createElement("ul");
        group.offers.forEach(function (offer) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = offer.url;
            link.textContent = offer.title;
            item.appendChild(link);
            list.appendChild(item);
        });
        wrapper.appendChild(list);
        return wrapper;
    }

    function markerLabel(group) {
        var titles = group.offers.map(function (offer) { return offer.title; }).join(" ; ");
        return group.commune ? group.commune + " : " + titles : titles;
    }

    function load(section) {
        var canvas = section.querySelector(".offer-map__canvas");
        if (!canvas || !window.L) {
            return;
        }
        if (!canvas.dataset.pointsUrl) {
            draw(section, canvas, readJSON(canvas.dataset.points) || []);
            return;
        }
        if (!window.fetch) {
            return;
        }
        window.fetch(canvas.dataset.pointsUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (data) {
                var note = section.querySelector(".offer-map__note");
                if (note && data.note) {
                    note.textContent = data.note;
                }
                draw(section, canvas, data.points || []);
            })
            .catch(function () {
                // The list of offers carries the same links: the map stays hidden.
            });
    }

    function draw(section, canvas, points) {
        var groups = groupByPlace(points);
        if (!groups.length) {
            return;
        }
        section.hidden = false;

        var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        var map = window.L.map(canvas, {
            fadeAnimation: !still,
            zoomAnimation: !still,
            markerZoomAnimation: !still,
            scrollWheelZoom: false,
            minZoom: 5,
            maxZoom: 18,
            zoomControl: false
        });
        window.L.control.zoom({
            zoomInTitle: canvas.dataset.labelZoomIn || "+",
            zoomOutTitle: canvas.dataset.labelZoomOut || "-"
        }).addTo(map);

        if (canvas.dataset.tiles) {
            window.L.tileLayer(canvas.dataset.tiles, {
                attribution: canvas.dataset.attribution || "",
                maxZoom: 18
            }).addTo(map);
        } else {
            section.classList.add("offer-map--no-tiles");
            var outline = readJSON(canvas.dataset.outline);
            if (outline && outline.length) {
                window.L.polygon(outline, { className: "offer-map__region", interactive: false }).addTo(map);
            }
        }

        var bounds = [];
        groups.forEach(function (group) {
            var label = markerLabel(group);
            window.L.marker([group.lat, group.lng], { title: label, alt: label, riseOnHover: true })
                .bindPopup(popupContent(group))
                .addTo(map);
            bounds.push([group.lat, group.lng]);
        });
        if (bounds.length === 1) {
            map.setView(bounds[0], 11);
        } else {
            map.fitBounds(bounds, { padding: [32, 32], maxZoom: 12 });
        }

        // Leaflet names the popup's close button in English; give it the page's language.
        map.on("popupopen", function (event) {
            var close = event.popup.getElement() && event.popup.getElement().querySelector(".leaflet-popup-close-button");
            if (close && canvas.dataset.labelClose) {
                close.setAttribute("aria-label", canvas.dataset.labelClose);
                close.setAttribute("title", canvas.dataset.labelClose);
            }
        });
        section.dataset.offerMapReady = "true";
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-offer-map]"), load);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
