// check.mjs — checks a Tandem calendar feed with a real iCalendar parser (ical.js), for tests/http/test_calendar.sh.
// Usage: node check.mjs CHECK FILE [ARGS...]; exit 0 when the check holds, 1 (with the reason on stderr) when not.
//   valid FILE                 parses; RFC 5545 shape: CRLF, lines <= 75 octets, UTF-8 per line, calendar and event properties
//   count FILE N               N events
//   folded FILE                at least one long line was folded
//   summary FILE UID-PREFIX S  the event whose UID starts with UID-PREFIX has the summary S (after unescaping)
//   prop FILE UID-PREFIX NAME V   its property NAME (categories joined by ",") is V
//   same-uids FILE-A FILE-B    the same UIDs in both
//   seq-bumped A B UID-PREFIX  SEQUENCE went up in B for that event only; every other event kept its SEQUENCE
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function fail(msg) {
  process.stderr.write(`check.mjs: ${msg}\n`);
  process.exit(1);
}

function load(file) {
  const raw = readFileSync(file);
  const text = raw.toString("utf8");
  let comp;
  try {
    comp = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    fail(`${file}: ical.js cannot parse it: ${e.message}`);
  }
  if (comp.name !== "vcalendar") fail(`${file}: the top component is ${comp.name}, not vcalendar`);
  return { raw, text, comp, events: comp.getAllSubcomponents("vevent") };
}

function uid(ev) {
  return ev.getFirstPropertyValue("uid");
}

function find(cal, prefix) {
  const ev = cal.events.find((e) => String(uid(e)).startsWith(prefix));
  if (!ev) fail(`no event whose UID starts with ${prefix}; UIDs: ${cal.events.map(uid).join(" ")}`);
  return ev;
}

function propText(ev, name) {
  const p = ev.getFirstProperty(name);
  if (!p) return undefined;
  return p.getValues().map((v) => (typeof v === "object" && v !== null ? v.toString() : String(v))).join(",");
}

// The octets themselves: CRLF everywhere, at most 75 octets a line, each physical line valid UTF-8 on its own.
function checkLines(file, raw) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0, n = 0;
  while (start < raw.length) {
    const lf = raw.indexOf(0x0a, start);
    if (lf < 0) fail(`${file}: the last line has no line end`);
    if (lf === start || raw[lf - 1] !== 0x0d) fail(`${file}: line ${n + 1} ends with LF, not CRLF`);
    const line = raw.subarray(start, lf - 1);
    if (line.length > 75) fail(`${file}: line ${n + 1} has ${line.length} octets (at most 75)`);
    try {
      decoder.decode(line);
    } catch {
      fail(`${file}: line ${n + 1} is not UTF-8 on its own (a fold split a character)`);
    }
    start = lf + 1;
    n++;
  }
}

function checkValid(file) {
  const cal = load(file);
  checkLines(file, cal.raw);
  const c = cal.comp;
  const want = { version: "2.0", calscale: "GREGORIAN", method: "PUBLISH" };
  for (const [k, v] of Object.entries(want))
    if (c.getFirstPropertyValue(k) !== v) fail(`${file}: ${k.toUpperCase()} is ${c.getFirstPropertyValue(k)}, not ${v}`);
  if (!c.getFirstPropertyValue("prodid")) fail(`${file}: no PRODID`);
  if (!c.getFirstPropertyValue("x-wr-calname")) fail(`${file}: no X-WR-CALNAME`);
  const seen = new Set();
  for (const ev of cal.events) {
    const e = new ICAL.Event(ev);
    const id = e.uid;
    if (!id || !/^(launch|activity)-\d+@[0-9a-f]{32}$/.test(id)) fail(`${file}: a bad UID ${id}`);
    if (seen.has(id)) fail(`${file}: UID ${id} twice`);
    seen.add(id);
    if (!e.startDate || !e.startDate.isDate) fail(`${id}: DTSTART is not a date (all-day)`);
    if (!e.endDate || !e.endDate.isDate) fail(`${id}: DTEND is not a date`);
    const next = e.startDate.clone();
    next.addDuration(ICAL.Duration.fromSeconds(86400));
    if (next.compare(e.endDate) !== 0) fail(`${id}: DTEND ${e.endDate} is not the day after DTSTART ${e.startDate}`);
    const stamp = ev.getFirstPropertyValue("dtstamp");
    if (!stamp || stamp.isDate || stamp.zone?.tzid !== "UTC") fail(`${id}: DTSTAMP is not a UTC date-time`);
    if (!Number.isInteger(ev.getFirstPropertyValue("sequence"))) fail(`${id}: no SEQUENCE`);
    const cats = ev.getFirstProperty("categories")?.getValues() ?? [];
    if (!cats.some((x) => /^Tier [123]$/.test(x))) fail(`${id}: CATEGORIES ${cats.join(",")} names no tier`);
    const url = ev.getFirstPropertyValue("url");
    if (!url || !/^https?:\/\/[^ ]+\/(launches|launch-activities)\/\d+$/.test(url)) fail(`${id}: URL ${url}`);
    if (!e.summary) fail(`${id}: no SUMMARY`);
    if (!["TENTATIVE", "CONFIRMED", "CANCELLED"].includes(ev.getFirstPropertyValue("status")))
      fail(`${id}: STATUS ${ev.getFirstPropertyValue("status")}`);
  }
}

function seqs(cal) {
  return new Map(cal.events.map((e) => [uid(e), e.getFirstPropertyValue("sequence")]));
}

const [check, file, ...args] = process.argv.slice(2);
switch (check) {
  case "valid":
    checkValid(file);
    break;
  case "count": {
    const n = load(file).events.length;
    if (n !== Number(args[0])) fail(`${file}: ${n} events, not ${args[0]}`);
    break;
  }
  case "folded":
    if (!load(file).text.includes("\r\n ")) fail(`${file}: no line was folded`);
    break;
  case "summary": {
    const s = find(load(file), args[0]).getFirstPropertyValue("summary");
    if (s !== args[1]) fail(`summary ${JSON.stringify(s)} is not ${JSON.stringify(args[1])}`);
    break;
  }
  case "prop": {
    const v = propText(find(load(file), args[0]), args[1]);
    if (v !== args[2]) fail(`${args[1]} ${JSON.stringify(v)} is not ${JSON.stringify(args[2])}`);
    break;
  }
  case "same-uids": {
    const a = [...seqs(load(file)).keys()].sort().join(" "), b = [...seqs(load(args[0])).keys()].sort().join(" ");
    if (a !== b) fail(`the UIDs differ:\n  ${a}\n  ${b}`);
    break;
  }
  case "seq-bumped": {
    const a = seqs(load(file)), b = seqs(load(args[0]));
    const edited = [...a.keys()].find((k) => k.startsWith(args[1]));
    if (!edited) fail(`no event whose UID starts with ${args[1]}`);
    for (const [k, v] of a) {
      if (k === edited && !(b.get(k) > v)) fail(`SEQUENCE of ${k} did not go up: ${v} → ${b.get(k)}`);
      if (k !== edited && b.get(k) !== v) fail(`SEQUENCE of ${k} changed: ${v} → ${b.get(k)}`);
    }
    break;
  }
  default:
    fail(`unknown check ${check}`);
}
