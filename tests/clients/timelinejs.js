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
        timeline = new TL.Timeline("timeline-embed", data, { script_path: SCRIPT_PATH });
        // Heights settle after `loaded`: report once the layout has been drawn.
        timeline.on("loaded", function () { setTimeout(function () { report(timeline, true); }, 3000); });
    } catch (e) {
        errors.push("constructor: " + e);
    }
    // A timeline that refuses its data never fires `loaded`: report what it showed instead.
    setTimeout(function () { if (!result.textContent) { report(timeline, false); } }, 20000);
})();
