// Writes the OpenAPI document to docs/openapi.json, so that a change to the API shows in review.
// A test fails when the committed file is stale: run `npm run openapi` and commit the result.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../src/http/openapi.ts';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
writeFileSync(target, await openApiDocument());
console.log(`wrote ${target}`);
