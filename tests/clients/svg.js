// Loaded by svg.sh into a page holding `timeline chart --format svg` inline: measures every text
// as Chromium lays it out (getBBox, in the viewBox's points) and writes into #result what a
// reader would notice: texts over each other, texts off the page, leader lines across a text,
// text under 9 pt.
(function () {
    "use strict";
    var svg = document.querySelector("svg");
    var view = svg.viewBox.baseVal;
    var texts = Array.prototype.map.call(svg.querySelectorAll("text"), function (el) {
        var box = el.getBBox();
        var shown = Array.prototype.filter.call(el.childNodes, function (n) {
            return n.nodeName !== "title";
        }).map(function (n) { return n.textContent; }).join("");
        return {
            text: shown, x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height,
            size: parseFloat(getComputedStyle(el).fontSize),
        };
    });
    var name = function (t) { return JSON.stringify(t.text.slice(0, 40)); };
    var round = function (n) { return Math.round(n * 10) / 10; };
    var overlaps = [], outside = [], crossed = [], small = [];
    // A tenth of a point of slack for rounding.
    var slack = 0.1;
    texts.forEach(function (a, i) {
        if (a.x < view.x - slack || a.y < view.y - slack || a.right > view.x + view.width + slack
            || a.bottom > view.y + view.height + slack) {
            outside.push(name(a) + " at " + [a.x, a.y, a.right, a.bottom].map(round).join(","));
        }
        if (a.size < 9) small.push(name(a) + " " + a.size + " pt");
        for (var j = i + 1; j < texts.length; j++) {
            var b = texts[j];
            if (a.x < b.right - slack && b.x < a.right - slack && a.y < b.bottom - slack
                && b.y < a.bottom - slack) {
                overlaps.push(name(a) + " / " + name(b));
            }
        }
    });
    Array.prototype.forEach.call(svg.querySelectorAll("line.leader"), function (line) {
        var x = line.x1.baseVal.value;
        var top = Math.min(line.y1.baseVal.value, line.y2.baseVal.value);
        var bottom = Math.max(line.y1.baseVal.value, line.y2.baseVal.value);
        texts.forEach(function (t) {
            if (t.x + slack < x && x < t.right - slack && t.y + slack < bottom && top < t.bottom - slack) {
                crossed.push("leader at " + round(x) + " / " + name(t));
            }
        });
    });
    var labels = svg.querySelectorAll("text.label.key").length;
    document.getElementById("result").textContent = JSON.stringify({
        texts: texts.length, key_labels: labels, overlaps: overlaps, outside: outside,
        crossed: crossed, small: small,
        font: getComputedStyle(svg.querySelector("text")).fontFamily,
    });
})();
