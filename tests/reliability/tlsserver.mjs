// SPDX-License-Identifier: GPL-3.0-or-later
//
// An HTTPS server on 127.0.0.1 for the TLS checks in tst_security. It serves
// a health reply with the certificate and key given on the command line and
// prints "Listening on PORT" once it accepts connections.
//
// usage: node tlsserver.mjs CERTIFICATE.pem KEY.pem
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';

const [certificate, key] = process.argv.slice(2);
const server = createServer({ cert: readFileSync(certificate), key: readFileSync(key) }, (request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"status":"ok"}');
});
server.listen(0, '127.0.0.1', () => {
    console.log(`Listening on ${server.address().port}`);
});
