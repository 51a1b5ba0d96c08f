// Parses an iCalendar document from stdin with ical.js (an independent RFC 5545 parser) and prints what it
// understood as JSON, for the .NET tests to assert on. Exits non-zero when ical.js rejects the document.
import ICAL from 'ical.js';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString('utf8');

const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents('vevent').map(v => {
  const e = new ICAL.Event(v);
  return {
    uid: e.uid,
    summary: e.summary,
    description: e.description,
    start: e.startDate.toString(),
    end: e.endDate.toString(),
    allDay: e.startDate.isDate,
    stamp: v.getFirstPropertyValue('dtstamp')?.toString() ?? null,
  };
});
console.log(JSON.stringify({
  version: calendar.getFirstPropertyValue('version'),
  prodid: calendar.getFirstPropertyValue('prodid'),
  name: calendar.getFirstPropertyValue('x-wr-calname'),
  events,
}));
