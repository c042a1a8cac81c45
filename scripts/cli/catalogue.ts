// npm run -s catalogue — prints the active catalogue as JSON (validated first).
import { catalogue } from '../../src/content/index';
import { CatalogueSchema } from '../../src/domain/catalogue-schema';

const parsed = CatalogueSchema.safeParse(catalogue);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`catalogue: ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
