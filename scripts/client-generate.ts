// `npm run client:generate`: writes the typed client's schema from the OpenAPI
// document the routes generate (no server or database needed), into
// clients/typescript/schema.d.ts. Commit the result: a test fails when the
// committed schema and the routes drift apart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientSchemaSource } from '../clients/typescript/generate';

const file = join(process.cwd(), 'clients/typescript/schema.d.ts');
writeFileSync(file, await clientSchemaSource());
console.log(`wrote ${file}`);
