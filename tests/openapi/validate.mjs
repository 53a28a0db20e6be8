// validate.mjs — checks the API answers an HTTP test received against the OpenAPI document's answer schemas.
// Usage: node validate.mjs OPENAPI.json ANSWERS.tsv; each line of ANSWERS.tsv is
// "METHOD<TAB>PATH<TAB>STATUS<TAB>CONTENT-TYPE<TAB>BODY-FILE". Prints one line per answer that does not match
// (which request, what the document says, what came) and a last line "checked N answers, N wrong"; exit 1 when any.
import { readFileSync } from 'node:fs';
import { validate as validateDocument } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [docFile, answersFile] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(docFile, 'utf8'));
const wrong = [];

// The document itself must be a valid OpenAPI 3.1 description (a copy: the parser resolves references in place).
const checked = await validateDocument(structuredClone(doc));
if (!checked.valid) {
  for (const e of checked.errors) wrong.push(`the OpenAPI document is not valid: ${e.message}`);
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'tandem:openapi', components: doc.components });
const compiled = new Map();
function validator(schema) {
  const key = JSON.stringify(schema);
  if (!compiled.has(key)) {
    // references point into the document's components
    const s = JSON.parse(key.replaceAll('"#/components/', '"tandem:openapi#/components/'));
    compiled.set(key, ajv.compile(s));
  }
  return compiled.get(key);
}

// Path templates as patterns; literal paths before templated ones so /goals/new-ish literals win.
const templates = Object.keys(doc.paths)
  .map((p) => ({
    path: p,
    params: (p.match(/\{/g) || []).length,
    re: new RegExp('^' + p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$'),
  }))
  .sort((a, b) => a.params - b.params);
const findPath = (p) => templates.find((t) => t.re.test(p));

function explain(errors) {
  return errors
    .slice(0, 4)
    .map((e) => `${e.instancePath || '(the answer)'} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`)
    .join('; ');
}

const lines = readFileSync(answersFile, 'utf8').split('\n').filter(Boolean);
let n = 0;
for (const line of lines) {
  const [method, target, status, ctype, file] = line.split('\t');
  const path = target.split('?')[0];
  const what = `${method} ${target.length > 120 ? target.slice(0, 120) + '…' : target} → ${status}`;
  if (method === 'HEAD' || status === '304') continue; // no body to check
  n++;
  const body = readFileSync(file);
  const media = (ctype || '').split(';')[0].trim().toLowerCase();
  const t = findPath(path);
  const op = t && doc.paths[t.path][method.toLowerCase()];
  let response;
  if (!op) {
    // no such operation: the answer is an error in the document's error shape
    response = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  } else {
    response = op.responses[status] || op.responses.default;
    if (!response) {
      wrong.push(`${what}: the document lists no ${status} for ${method} ${t.path} (it lists ${Object.keys(op.responses).join(', ')})`);
      continue;
    }
  }
  const content = response.content || {};
  if (Object.keys(content).length === 0) {
    if (body.length) wrong.push(`${what}: the document says no content, the answer has ${body.length} bytes`);
    continue;
  }
  if (!content[media]) {
    wrong.push(`${what}: answered ${media || 'no Content-Type'}, the document says ${Object.keys(content).join(' or ')}`);
    continue;
  }
  if (media !== 'application/json') continue;
  let value;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (e) {
    wrong.push(`${what}: the body is not JSON (${e.message})`);
    continue;
  }
  let v;
  try {
    v = validator(content[media].schema || {});
  } catch (e) {
    wrong.push(`${what}: the document's schema does not compile (${e.message})`);
    continue;
  }
  if (!v(value)) wrong.push(`${what}: ${explain(v.errors)}`);
}
for (const w of wrong) console.log(w);
console.log(`checked ${n} answers, ${wrong.length} wrong`);
process.exit(wrong.length ? 1 : 0);
