// SPDX-License-Identifier: GPL-3.0-or-later
//
// Uploads a generated 50 MiB file to a fresh classdesk-server with
// tus-js-client, an independent tus implementation, and checks that the
// stored file has the same SHA-256 and size.
// Usage: node tusinterop.mjs PATH_TO_CLASSDESK_SERVER

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';

const serverPath = process.argv[2];
if (!serverPath) {
    console.error('usage: node tusinterop.mjs PATH_TO_CLASSDESK_SERVER');
    process.exit(2);
}

const size = 50 * 1024 * 1024;
const folder = mkdtempSync(join(tmpdir(), 'classdesk-tus-'));
const dataFolder = join(folder, 'data');
let server;

function fail(message) {
    console.error(`FAIL: ${message}`);
    if (server) server.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
    process.exit(1);
}

// Starts the server on a free port and resolves with its base URL.
function startServer() {
    return new Promise((resolve, reject) => {
        server = spawn(serverPath, ['--port', '0', '--data', dataFolder], { stdio: ['ignore', 'pipe', 'inherit'] });
        let output = '';
        server.stdout.on('data', (chunk) => {
            output += chunk;
            const match = output.match(/Listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1\/)/);
            if (match) resolve(match[1]);
        });
        server.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    });
}

// A fixed pattern of random-looking blocks: generated, never read from elsewhere.
const block = randomBytes(1024 * 1024);
const content = Buffer.alloc(size);
for (let offset = 0; offset < size; offset += block.length) {
    block.copy(content, offset);
    content[offset] = offset / block.length; // no two blocks identical
}
const filePath = join(folder, 'courseware.bin');
writeFileSync(filePath, content);
const sha256 = createHash('sha256').update(content).digest('hex');

const created = spawnSync(serverPath, ['add-teacher', '--data', dataFolder, '--username', 'tus', '--password', 'tus-secret',
    '--name', 'Tus Client', '--school', 'Interop School', '--password-iterations', '1000']);
if (created.status !== 0) fail(`add-teacher failed: ${created.stderr}`);

const baseUrl = await startServer().catch((error) => fail(error.message));
const tokenReply = await fetch(`${baseUrl}auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=tus&password=tus-secret',
});
if (tokenReply.status !== 200) fail(`sign-in returned ${tokenReply.status}`);
const { access_token: token } = await tokenReply.json();

let fileId = '';
await new Promise((resolve) => {
    const upload = new tus.Upload(readFileSync(filePath), {
        endpoint: `${baseUrl}uploads`,
        chunkSize: 8 * 1024 * 1024,
        retryDelays: [0, 500],
        headers: { Authorization: `Bearer ${token}` },
        metadata: { filename: 'courseware.bin', content_type: 'application/octet-stream', sha256 },
        onAfterResponse: (request, response) => {
            const id = response.getHeader('ClassDesk-File-Id');
            if (id) fileId = id;
        },
        onError: (error) => fail(`tus-js-client reported: ${error}`),
        onSuccess: resolve,
    });
    upload.start();
});
if (!fileId) fail('the final PATCH carried no ClassDesk-File-Id');

const metadata = await (await fetch(`${baseUrl}files/${fileId}`, { headers: { Authorization: `Bearer ${token}` } })).json();
if (metadata.sha256 !== sha256) fail(`stored sha256 ${metadata.sha256}, expected ${sha256}`);
if (metadata.size !== size) fail(`stored size ${metadata.size}, expected ${size}`);

// Hash what is on disk, not only what the server reports.
const stored = join(dataFolder, 'files', fileId);
if (statSync(stored).size !== size) fail('the stored file has the wrong size');
const storedSha = createHash('sha256').update(readFileSync(stored)).digest('hex');
if (storedSha !== sha256) fail(`the stored file hashes to ${storedSha}, expected ${sha256}`);

server.removeAllListeners('exit');
server.kill('SIGTERM');
rmSync(folder, { recursive: true, force: true });
console.log(`tus-js-client uploaded ${size} bytes; stored file ${fileId} matches sha256 ${sha256}`);
