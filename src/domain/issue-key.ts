// Locale key of an import issue, apart from the file schema so that a screen can name issues without loading zod.
import type { ImportIssueCode } from './file-format';
import { snakeCase } from './keys';

/** The locale message key of an issue code, e.g. `naNeedsReason` → `issue.na_needs_reason`. */
export function issueMessageKey(code: ImportIssueCode): string {
  return `issue.${snakeCase(code)}`;
}
