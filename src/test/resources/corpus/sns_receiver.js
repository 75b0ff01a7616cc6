// An Amazon SNS subscriber on Node's http module, written as people write them behind express.json():
// the body is parsed only when it is sent as application/json, so SNS's text/plain arrives empty.
// Usage: node sns_receiver.js MODE; prints "PORT <n>" once it listens on 127.0.0.1.
//   raw   reads the raw body whatever its Content-Type (healthy)
//   json  reads only application/json bodies, answers 400 when Type is missing
'use strict';
const http = require('http');

const mode = process.argv[2];

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let message = {};
    const isJson = String(req.headers['content-type'] || '').startsWith('application/json');
    if (mode === 'raw' || isJson) {
      try {
        message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        message = {};
      }
    }
    if (!message.Type) {
      res.writeHead(400, {'Content-Type': 'application/json'});
      return res.end('{"error":"missing Type"}');
    }
    if (message.Type === 'SubscriptionConfirmation') {
      http.get(message.SubscribeURL, (r) => {
        r.resume();
        r.on('end', () => {
          res.writeHead(200);
          res.end('confirmed');
        });
      }).on('error', () => {
        res.writeHead(500);
        res.end('could not confirm');
      });
      return;
    }
    res.writeHead(200);
    res.end('ok');
  });
});
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
