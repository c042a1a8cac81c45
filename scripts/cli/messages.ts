// Formats domain issues for the command line with the app's own locale files.
import zh from '../../src/locales/zh-CN.json' with { type: 'json' };
import en from '../../src/locales/en.json' with { type: 'json' };
import { issueMessageKey, type ImportIssue } from '../../src/domain/file-format';

type Messages = Record<string, unknown>;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Messages | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** One line per issue: path, then the message in Chinese and English. */
export function formatIssue(issue: ImportIssue): string {
  const key = issueMessageKey(issue.code);
  const where = issue.path === '' ? '(file)' : issue.path;
  const zhText = interpolate(lookup(zh, key) ?? key, issue.params);
  const enText = interpolate(lookup(en, key) ?? key, issue.params);
  return `${where}: ${zhText} / ${enText}`;
}
