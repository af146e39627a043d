// Run by markwhen.sh: reads a markwhen document with the real @markwhen/parser and compares every
// event with the timeline's own JSON (`--format json`): the same events, each with its id, title,
// first day and (exclusive) end, and its date in words in the description. Prints a summary, or
// the problems and exits 1.
import { parse } from "@markwhen/parser";
import fs from "fs";

const [, , markwhenFile, jsonFile] = process.argv;
const parsed = parse(fs.readFileSync(markwhenFile, "utf8"));
const expected = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
const problems = [];
for (const m of parsed.parseMessages || []) problems.push(`parser: ${m.type}: ${m.message}`);

const found = new Map();
const sections = new Set();
(function walk(node, section) {
    if (Array.isArray(node.children)) {
        for (const child of node.children) walk(child, node.title || section);
        return;
    }
    const id = node.properties && node.properties.id;
    if (!id) { problems.push(`an event without id: ${node.firstLine && node.firstLine.full}`); return; }
    if (found.has(id)) problems.push(`${id} twice`);
    found.set(id, { node, section });
    if (section) sections.add(section);
})(parsed.events, null);

const day = (iso) => iso.slice(0, 10);
const after = (date) => {
    const d = new Date(date + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
};
for (const e of expected) {
    const hit = found.get(e.id);
    if (!hit) { problems.push(`${e.id} is missing`); continue; }
    const n = hit.node;
    const range = n.dateRangeIso;
    if (day(range.fromDateTimeIso) !== e.start) problems.push(`${e.id} starts ${day(range.fromDateTimeIso)}, not ${e.start}`);
    if (day(range.toDateTimeIso) !== after(e.end)) problems.push(`${e.id} ends before ${day(range.toDateTimeIso)}, not after ${e.end}`);
    if (n.firstLine.restTrimmed !== e.title) problems.push(`${e.id}: title ${JSON.stringify(n.firstLine.restTrimmed)}, not ${JSON.stringify(e.title)}`);
    const tags = [...(n.tags || [])].sort().join(" ");
    const wanted = (e.tags || []).map((t) => t.replace(/\W/g, "_")).map((t) => (/^\d+$/.test(t) ? "t" + t : t)).sort().join(" ");
    if (tags !== wanted) problems.push(`${e.id}: tags ${tags}, not ${wanted}`);
    const description = (n.supplemental || []).map((s) => s.raw || "").join("\n").replace(/\u200b/g, "");
    if (!description.includes(e.date)) problems.push(`${e.id}: no ${JSON.stringify(e.date)} in its description`);
    const props = n.properties || {};
    if (e.link && props.link !== e.link) problems.push(`${e.id}: link ${JSON.stringify(props.link)}, not ${e.link}`);
    if (e.media && props.media !== e.media.url) problems.push(`${e.id}: media ${JSON.stringify(props.media)}, not ${e.media.url}`);
    if (e.summary && !description.includes(e.summary.split("\n")[0])) problems.push(`${e.id}: its summary is not in its description`);
}
if (found.size !== expected.length) problems.push(`${found.size} events read, ${expected.length} exported`);
if (problems.length) {
    console.log(problems.slice(0, 15).join("\n") + (problems.length > 15 ? `\n… ${problems.length} problems` : ""));
    process.exit(1);
}
console.log(`${found.size} events in ${sections.size} sections, each with its dates, title, tags and words`);
