// parse.js FILE — the Atom feed in FILE read by feedparser (a real feed parser); prints what it understood as JSON:
// {type, title, link, entries: [{id, title, link, date, pubdate, description}]}; exit 1 with the parser's error.
'use strict';
const fs = require('node:fs');
const FeedParser = require('feedparser');

const parser = new FeedParser({ addmeta: false });
const out = { entries: [] };
parser.on('error', (e) => { console.error(String(e && e.message || e)); process.exit(1); });
parser.on('meta', (m) => Object.assign(out, { type: m['#type'], title: m.title, link: m.link, xmlurl: m.xmlurl }));
parser.on('readable', function () {
  let item;
  while ((item = this.read())) {
    out.entries.push({ id: item.guid, title: item.title, link: item.link, date: item.date && item.date.toISOString(),
                       pubdate: item.pubdate && item.pubdate.toISOString(), description: item.description });
  }
});
parser.on('end', () => console.log(JSON.stringify(out)));
fs.createReadStream(process.argv[2]).pipe(parser);
