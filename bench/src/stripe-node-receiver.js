// The stripe-node baseline for `notif listen`: a webhook receiver as Stripe's documentation writes one with the
// official `stripe` Node library (node:http, raw body, stripe.webhooks.constructEvent), answering 200 for the
// accepted event types and 400 otherwise. It keeps nothing: no log, no fsync (notif listen fsyncs every answer).
// Usage: node stripe-node-receiver.js PORT SECRET   (run from a directory whose node_modules holds `stripe`)
const http = require('node:http');
const Stripe = require('stripe');

const [port, secret] = process.argv.slice(2);
const stripe = new Stripe('sk_test_unused_by_webhook_verification');
const accepted = new Set(['customer.subscription.updated', 'customer.subscription.deleted', 'charge.refunded',
  'invoice.updated']);

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let event;
    try {
      event = stripe.webhooks.constructEvent(Buffer.concat(chunks), req.headers['stripe-signature'], secret);
    } catch (err) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'signature_mismatch', message: err.message }));
      return;
    }
    if (!accepted.has(event.type)) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'unsupported_event_type', message: event.type }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"received":true}');
  });
}).listen(Number(port), '127.0.0.1', () => console.log(`listening on ${port}`));
