import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';

export type FileSettings = Record<string, string>;

/**
 * Reads a YAML config file into the same raw strings flags and environment variables give, so one zod schema checks
 * all three. The keys are the schema's own (`portalUrl`, `syncWaitMs`...): any option added to the schema is
 * settable here without touching this file. Problems name the file and the key (or line) and never echo a value,
 * since a file may hold a token.
 */
export function readConfigFile(file: string, knownKeys: ReadonlySet<string>): { settings: FileSettings; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { settings: {}, problems: [`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const at = lineCounter.linePos(error.pos[0]);
      return `${file}: line ${at.line}, column ${at.col}: not valid YAML (${error.message})`;
    });
    return { settings: {}, problems };
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { settings: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) return { settings: {}, problems: [`${file}: must be a mapping of settings (key: value)`] };

  const settings: FileSettings = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!knownKeys.has(key)) problems.push(`${file}: ${key}: unknown setting`);
    else if (value === null) continue;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') settings[key] = String(value);
    else problems.push(`${file}: ${key}: must be a single value, not a list or mapping`);
  }
  return { settings, problems };
}
