// SPDX-License-Identifier: GPL-3.0-or-later
//
// An independent tus 1.0 server for the client's interoperability test:
// @tus/server with @tus/file-store (pinned in package.json), on 127.0.0.1 and
// a free port. Usage: node tusserver.mjs STORE_DIR
// Prints "Listening on http://127.0.0.1:PORT/files" once it accepts uploads.
import http from 'node:http';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

const directory = process.argv[2];
if (!directory) {
    console.error('usage: node tusserver.mjs STORE_DIR');
    process.exit(1);
}

const tus = new Server({ path: '/files', datastore: new FileStore({ directory }) });
const server = http.createServer((request, response) => tus.handle(request, response));
server.listen(0, '127.0.0.1', () => {
    console.log(`Listening on http://127.0.0.1:${server.address().port}/files`);
});
