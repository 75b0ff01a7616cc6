// A Stripe webhook receiver on Node's http module (HTTP/1.1, keep-alive), written as people write them.
// Usage: node stripe_receiver.js MODE SECRET; prints "PORT <n>" once it listens on 127.0.0.1.
//   raw        verifies the raw body as stripe-node does (healthy)
//   stringify  verifies JSON.stringify(JSON.parse(body)), as behind express.json()
//   accept     verifies nothing
//   svix       keys the HMAC with the base64-decoded part after whsec_ (a Standard Webhooks helper)
//   first      compares only the first v1 signature
'use strict';
const http = require('http');
const crypto = require('crypto');

const [mode, secret] = process.argv.slice(2);

function verify(payload, header) {
  if (typeof header !== 'string') return false;
  const details = header.split(',').reduce((acc, item) => {
    const kv = item.split('=');
    if (kv[0] === 't') acc.timestamp = parseInt(kv[1], 10);
    if (kv[0] === 'v1') acc.signatures.push(kv[1]);
    return acc;
  }, {timestamp: -1, signatures: []});
  if (details.timestamp === -1 || details.signatures.length === 0) return false;
  const key = mode === 'svix' ? Buffer.from(secret.slice('whsec_'.length), 'base64') : secret;
  const expected = crypto.createHmac('sha256', key).update(`${details.timestamp}.${payload}`, 'utf8').digest('hex');
  const candidates = mode === 'first' ? details.signatures.slice(0, 1) : details.signatures;
  const found = candidates.some((s) => s.length === expected.length
    && crypto.timingSafeEqual(Buffer.from(s), Buffer.from(expected)));
  return found && Math.floor(Date.now() / 1000) - details.timestamp <= 300;
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    let payload = raw;
    if (mode === 'stringify') {
      try {
        payload = JSON.stringify(JSON.parse(raw));
      } catch (e) {
        res.writeHead(400, {'Content-Type': 'text/plain'});
        return res.end('Bad Request');
      }
    }
    if (mode === 'accept' || verify(payload, req.headers['stripe-signature'])) {
      res.writeHead(200, {'Content-Type': 'application/json'});
      return res.end('{"received":true}');
    }
    res.writeHead(400, {'Content-Type': 'text/plain; charset=utf-8'});
    res.end('Webhook Error: No signatures found matching the expected signature for payload.'
      + ' Are you passing the raw request body you received from Stripe?');
  });
});
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
