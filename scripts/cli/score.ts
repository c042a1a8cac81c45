// npm run -s score -- FILE — reads an export file and prints the scores of each assessment as JSON.
import { readFile } from 'node:fs/promises';
import { catalogue } from '../../src/content/index';
import { parseExportFile } from '../../src/domain/file-format';
import { scoreAssessment } from '../../src/domain/score';
import { formatIssue } from './messages';

async function main(): Promise<number> {
  const [path, ...rest] = process.argv.slice(2);
  if (!path || rest.length > 0) {
    console.error('usage: npm run -s score -- FILE');
    return 2;
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    console.error(`${path}: cannot read file: ${(e as Error).message}`);
    return 1;
  }
  const result = parseExportFile(text);
  if (!result.ok) {
    console.error(`${path}: not a valid assessment file (${result.issues.length} problem(s)):`);
    for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
    return 1;
  }
  const firms = new Map(result.file.firms.map((f) => [f.id, f]));
  const assessments = result.file.assessments.map((a) => {
    if (a.catalogueVersion !== catalogue.version) {
      console.error(`${path}: assessment ${a.id} was answered against catalogue ${a.catalogueVersion}; scored with ${catalogue.version}`);
    }
    return {
      assessmentId: a.id,
      firmId: a.firmId,
      firmName: firms.get(a.firmId)?.name ?? null,
      assessedOn: a.assessedOn,
      status: a.status,
      ...scoreAssessment(catalogue, a.answers),
    };
  });
  process.stdout.write(`${JSON.stringify({ file: path, assessments }, null, 2)}\n`);
  return 0;
}

process.exitCode = await main();
