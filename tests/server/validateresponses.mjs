// SPDX-License-Identifier: GPL-3.0-or-later
//
// Validates recorded HTTP responses against docs/api/openapi.yaml.
// Usage: node validateresponses.mjs OPENAPI_YAML RESPONSES_JSON
// RESPONSES_JSON is an array of {method, path, status, content_type, body}
// where path is the operation's path as written in the document. Exits 1
// and lists every mismatch when a response does not fit its schema, or when
// the document has no response for its status.

import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const [documentPath, responsesPath] = process.argv.slice(2);
if (!documentPath || !responsesPath) {
    console.error('usage: node validateresponses.mjs OPENAPI_YAML RESPONSES_JSON');
    process.exit(2);
}

const document = YAML.parse(readFileSync(documentPath, 'utf8'));
const responses = JSON.parse(readFileSync(responsesPath, 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// OpenAPI keywords that are not JSON Schema keywords.
ajv.addVocabulary(['example', 'xml', 'externalDocs', 'discriminator']);
ajv.addSchema({ $id: 'openapi', components: document.components });

// Follows a local $ref such as '#/components/responses/NotFound'.
function resolve(node) {
    while (node && node.$ref) {
        node = node.$ref.slice(2).split('/').reduce((part, key) => part[key], document);
    }
    return node;
}

// Rewrites local refs so they point into the schema registered as 'openapi'.
function rebase(schema) {
    return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"openapi#/'));
}

const failures = [];
let checked = 0;
for (const response of responses) {
    const where = `${response.method.toUpperCase()} ${response.path} ${response.status}`;
    const operation = document.paths?.[response.path]?.[response.method];
    if (!operation) {
        failures.push(`${where}: the document has no such operation`);
        continue;
    }
    const described = resolve(operation.responses?.[String(response.status)]);
    if (!described) {
        failures.push(`${where}: the document lists no response for this status`);
        continue;
    }
    const mediaType = (response.content_type || '').split(';')[0].trim();
    const content = described.content?.[mediaType];
    if (!content) {
        failures.push(`${where}: the document lists no ${mediaType || 'body'} for this response`);
        continue;
    }
    let body;
    try {
        body = JSON.parse(response.body);
    } catch (error) {
        failures.push(`${where}: the body is not JSON (${error.message})`);
        continue;
    }
    const validate = ajv.compile(rebase(content.schema));
    if (!validate(body)) {
        failures.push(`${where}: ${ajv.errorsText(validate.errors)}\n  body: ${response.body.slice(0, 400)}`);
    }
    ++checked;
}

if (failures.length > 0) {
    console.error(failures.join('\n'));
    console.error(`${failures.length} of ${responses.length} responses do not match ${documentPath}`);
    process.exit(1);
}
console.log(`${checked} responses match ${documentPath}`);
