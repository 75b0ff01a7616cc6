// The stripe-node baselines for `notif listen`: a webhook receiver as Stripe's documentation writes one with the
// official `stripe` Node library (node:http, raw body, stripe.webhooks.constructEvent), answering 200 for the
// accepted event types and 400 otherwise. Without LOGFILE it keeps nothing (no log, no fsync); with LOGFILE it is
// the fair durable one: each accepted event appended to LOGFILE as a line and fdatasync'd before the 200, as a Node
// developer writes it (fs.write then fs.fdatasync per request, on libuv's thread pool; a failure answers 503).
// Usage: node stripe-node-receiver.js PORT SECRET [LOGFILE]   (run from a directory whose node_modules holds `stripe`)
const fs = require('node:fs');
const http = require('node:http');
const Stripe = require('stripe');

const [port, secret, logFile] = process.argv.slice(2);
const stripe = new Stripe('sk_test_unused_by_webhook_verification');
const accepted = new Set(['customer.subscription.updated', 'customer.subscription.deleted', 'charge.refunded',
  'invoice.updated']);
const log = logFile ? fs.openSync(logFile, 'a', 0o600) : null;

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(body);
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let event;
    try {
      event = stripe.webhooks.constructEvent(Buffer.concat(chunks), req.headers['stripe-signature'], secret);
    } catch (err) {
      answer(res, 400, JSON.stringify({ error: 'signature_mismatch', message: err.message }));
      return;
    }
    if (!accepted.has(event.type)) {
      answer(res, 400, JSON.stringify({ error: 'unsupported_event_type', message: event.type }));
      return;
    }
    if (log === null) {
      answer(res, 200, '{"received":true}');
      return;
    }
    const line = JSON.stringify({ at: new Date().toISOString(), id: event.id, type: event.type }) + '\n';
    fs.write(log, line, (err) => {
      if (err) {
        answer(res, 503, '{"error":"unavailable"}');
        return;
      }
      fs.fdatasync(log, (err2) => answer(res, err2 ? 503 : 200, err2 ? '{"error":"unavailable"}' : '{"received":true}'));
    });
  });
}).listen(Number(port), '127.0.0.1', () => console.log(`listening on ${port}`));
