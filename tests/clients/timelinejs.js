// Loaded by timelinejs.sh into a page with TimelineJS 3 and the export in `EXPORT`: builds the
// timeline as a reader's browser would, then writes what TimelineJS made of it into #result.
(function () {
    "use strict";
    var result = document.getElementById("result");
    var errors = [];
    window.addEventListener("error", function (event) {
        errors.push("uncaught: " + event.message);
    });
    function day(date) {
        var d = date.data.date_obj;
        var pad = function (n) { return (n < 10 ? "0" : "") + n; };
        return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
    }
    // Where TimelineJS puts each slide against the event's first and last Gregorian day: a start
    // on its first day, an interval's end on its last (not a year, a season or a month short).
    function misplaced(config) {
        var wrong = [], intervals = {};
        EXPORT.events.forEach(function (slide) { intervals[slide.unique_id] = !!slide.end_date; });
        config.events.forEach(function (slide) {
            var event = EVENTS[slide.unique_id];
            if (!event) { wrong.push(slide.unique_id + ": no such event"); return; }
            if (day(slide.start_date) !== event.start) {
                wrong.push(slide.unique_id + " starts " + day(slide.start_date) + ", not " + event.start);
            }
            var end = slide.end_date ? day(slide.end_date) : day(slide.start_date);
            if (intervals[slide.unique_id] && end !== event.end) {
                wrong.push(slide.unique_id + " ends " + end + ", not " + event.end);
            }
        });
        return wrong;
    }
    // Eras TimelineJS drew over each other: in its data (one ending on or after the next's first
    // day) and on the page (their boxes in the time navigation crossing).
    function overlappingEras(config) {
        var overlaps = [];
        var eras = config.eras.map(function (era) {
            return { name: era.text ? era.text.headline : "?", start: era.start_date.data.date_obj.getTime(), end: era.end_date.data.date_obj.getTime() };
        }).sort(function (a, b) { return a.start - b.start; });
        for (var i = 1; i < eras.length; i++) {
            if (eras[i].start <= eras[i - 1].end) overlaps.push(eras[i - 1].name + " / " + eras[i].name);
        }
        // Where TimelineJS placed each era (its style, not its box: a CSS transition may still be
        // moving the box when the report is made).
        var boxes = Array.prototype.map.call(document.querySelectorAll(".tl-timeera"), function (el) {
            var left = parseFloat(el.style.left), width = parseFloat(el.style.width);
            return { name: el.textContent.trim(), left: left, right: left + width, top: parseFloat(el.style.top) || 0 };
        }).filter(function (b) { return b.right > b.left; }).sort(function (a, b) { return a.left - b.left; });
        for (var j = 1; j < boxes.length; j++) {
            var a = boxes[j - 1], b = boxes[j];
            // Half a pixel of slack: adjacent eras may share their edge.
            if (a.top === b.top && b.left < a.right - 0.5) {
                overlaps.push("drawn: " + a.name + " (" + Math.round(a.left) + "–" + Math.round(a.right) + ") / " + b.name + " (" + Math.round(b.left) + "–" + Math.round(b.right) + ")");
            }
        }
        if (boxes.length !== config.eras.length) overlaps.push(boxes.length + " eras placed of " + config.eras.length);
        return overlaps;
    }
    // Slides whose shown date is not the export's display_date: one style on every slide.
    function otherDateStyles() {
        var wanted = {};
        EXPORT.events.forEach(function (slide) { wanted[slide.unique_id] = slide.display_date; });
        var other = [];
        Array.prototype.forEach.call(document.querySelectorAll(".tl-slide"), function (el) {
            if (!(el.id in wanted)) return;
            var shown = el.querySelector(".tl-headline-date");
            var text = shown ? shown.textContent.trim() : "";
            if (text !== wanted[el.id]) other.push(el.id + ": " + JSON.stringify(text) + ", not " + JSON.stringify(wanted[el.id]));
        });
        return other;
    }
    // Markers whose headline a reader cannot read whole at the default zoom: cut by the marker's
    // width or height (TimelineJS clamps it to two lines with an ellipsis, or one in a small
    // marker), with no room at all, or covered by a marker drawn over it (TimelineJS stacks
    // markers in a few rows and, when they are full, draws the next over the others). Each as
    // "id: the headline, and why".
    function cutHeadlines() {
        var cut = [];
        var markers = Array.prototype.slice.call(document.querySelectorAll(".tl-timemarker"));
        // Where TimelineJS placed each marker, from its style (a CSS transition may still be
        // moving the boxes when the report is made): left and top of the marker, the size of its
        // content box.
        var boxes = markers.map(function (marker) {
            var box = marker.querySelector(".tl-timemarker-content-container");
            var left = parseFloat(marker.style.left) || 0, top = parseFloat(marker.style.top) || 0;
            var width = box ? parseFloat(box.style.width) || box.offsetWidth : 0;
            var height = box ? parseFloat(box.style.height) || box.offsetHeight : 0;
            return { left: left, top: top, right: left + width, bottom: top + height };
        });
        markers.forEach(function (marker, i) {
            var headline = marker.querySelector(".tl-timemarker-text h2.tl-headline");
            var text = marker.querySelector(".tl-timemarker-text");
            var name = (marker.id || "?") + ": " + JSON.stringify(headline ? headline.textContent.trim() : "");
            if (!headline || !text) { cut.push(name + " has no headline"); return; }
            if (headline.scrollWidth > headline.clientWidth + 1
                || headline.scrollHeight > headline.clientHeight + 1
                || headline.offsetWidth > text.clientWidth + 1
                || text.clientWidth < 8) {
                cut.push(name + " cut in " + text.clientWidth + "×" + text.clientHeight + " px");
                return;
            }
            // The words' own box (their width, from the marker's left past its padding), against
            // every marker drawn after this one, above it.
            var words = document.createRange();
            words.selectNodeContents(headline);
            var a = boxes[i], wordsRight = a.left + 5 + words.getBoundingClientRect().width;
            for (var j = i + 1; j < markers.length; j++) {
                var b = boxes[j];
                if (b.right > b.left && a.left < b.right - 1 && b.left < wordsRight - 1
                    && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                    cut.push(name + " covered by " + markers[j].id);
                    return;
                }
            }
        });
        return cut;
    }
    // Media TimelineJS shows on the slides. It loads a slide's media only near the slide shown,
    // so each slide with media is gone to in turn, as a reader would, and looked at there.
    var shownMedia = [];
    function hasMedia(id) {
        var el = document.getElementById(id);
        return !!(el && el.querySelector(".tl-media-content-container .tl-media-item, .tl-media-content-container img, .tl-media-content-container iframe"));
    }
    function visitMedia(timeline, done) {
        var ids = EXPORT.events.filter(function (e) { return e.media; }).map(function (e) { return e.unique_id; });
        (function next(i) {
            if (i >= ids.length) { timeline.goTo(window.START_AT_SLIDE || 0); setTimeout(done, 1500); return; }
            timeline.goToId(ids[i]);
            setTimeout(function () { if (hasMedia(ids[i])) shownMedia.push(ids[i]); next(i + 1); }, 1500);
        })(0);
    }
    function report(timeline, loaded) {
        var message = document.querySelector(".tl-message-content");
        var config = timeline && timeline.config;
        result.textContent = JSON.stringify({
            loaded: loaded,
            exported_events: EXPORT.events.length,
            exported_eras: (EXPORT.eras || []).length,
            slides: config ? config.events.length : 0,
            eras: config ? config.eras.length : 0,
            slide_elements: document.querySelectorAll(".tl-slide").length,
            marker_elements: document.querySelectorAll(".tl-timemarker").length,
            config_errors: config ? config.getErrors() : [],
            misplaced: config ? misplaced(config) : [],
            overlapping_eras: config ? overlappingEras(config) : [],
            other_date_styles: otherDateStyles(),
            dated_slides: document.querySelectorAll(".tl-slide .tl-headline-date").length,
            cut_headlines: cutHeadlines(),
            exported_media: EXPORT.events.filter(function (e) { return e.media; }).map(function (e) { return e.unique_id; }),
            slides_with_media: shownMedia,
            // How much of the embed the slides get: the rest is the time navigation below them.
            story_share: (function () {
                var story = document.querySelector(".tl-storyslider");
                var whole = document.querySelector(".tl-timeline");
                return story && whole && whole.offsetHeight ? story.offsetHeight / whole.offsetHeight : 0;
            })(),
            page_errors: errors,
            message: message && message.offsetParent !== null ? message.textContent : ""
        });
    }
    var timeline;
    try {
        // TimelineJS edits the data it is given (it deletes ends it finds redundant): give it a
        // copy, so that the checks compare with the export as written.
        var data = JSON.parse(JSON.stringify(EXPORT));
        // A screenshot page opens on a slide (START_AT_SLIDE) to show how a date reads there.
        timeline = new TL.Timeline("timeline-embed", data, { script_path: SCRIPT_PATH, start_at_slide: window.START_AT_SLIDE || 0 });
        // Heights settle after `loaded`: report once the layout has been drawn.
        timeline.on("loaded", function () {
            setTimeout(function () { visitMedia(timeline, function () { report(timeline, true); }); }, 3000);
        });
    } catch (e) {
        errors.push("constructor: " + e);
    }
    // A timeline that refuses its data never fires `loaded`: report what it showed instead.
    setTimeout(function () { if (!result.textContent) { report(timeline, false); } }, 20000);
})();
