// kubectl's -o flag (cli-runtime's PrintFlags, kubectl 1.32): parsing a format and dispatching to its printer —
// json.ts, yaml.ts, name.ts and jsonpath.ts — as pure functions.
import { KtError } from '../errors.js';
import { isGoMap } from '../go/fmt.js';
import { goQuote } from '../go/quote.js';
import { compareStrings } from '../go/strings.js';
import { printJSON } from './json.js';
import { compileJsonPath } from './jsonpath.js';
import { groupVersionKind, MISSING_KIND, printName } from './name.js';
import { printYAML } from './yaml.js';

export type OutputFormat =
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJSON: boolean; allowMissingKeys?: boolean };

export interface PrintOptions {
  /** --show-managed-fields; without it -o json/yaml drop metadata.managedFields (of each item, for a list). */
  showManagedFields?: boolean;
}

const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file'] as const;
const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];

export interface ParseOutputOptions {
  /** The --template flag; kubectl uses it when -o is a bare `jsonpath`/`jsonpath-as-json`/`jsonpath-file`. */
  template?: string;
  /** Reads a jsonpath-file; without it jsonpath-file is refused. */
  readFile?: (path: string) => string;
  /** --allow-missing-template-keys (kubectl's default: true). */
  allowMissingKeys?: boolean;
}

/** Parses an -o value as kubectl's PrintFlags would. `allowed` is the command's format list, printed sorted in the
 * error (e.g. `unable to match a printer suitable for the output format "wide", allowed formats are: …`). Table
 * formats (wide, custom-columns…) are the caller's to handle before calling; go-template formats are not
 * supported by kt. A jsonpath template is parsed here, so template errors surface with kubectl's wording. */
export function parseOutputFormat(
  value: string,
  allowed: readonly string[],
  options: ParseOutputOptions = {},
): OutputFormat {
  const noPrinter = (): KtError =>
    new KtError(
      `unable to match a printer suitable for the output format ${goQuote(value)}, allowed formats are: ${[
        ...allowed,
      ]
        .sort(compareStrings)
        .join(',')}`,
    );
  const isAllowed = (f: string): boolean => allowed.includes(f);
  const lower = value.toLowerCase();
  if ((lower === 'json' || lower === 'yaml' || lower === 'name') && isAllowed(lower)) return { kind: lower };

  const flagTemplate = options.template ?? '';
  let format = value;
  let template = flagTemplate;
  if (flagTemplate === '') {
    for (const f of [...JSONPATH_FORMATS, ...TEMPLATE_FORMATS]) {
      if (value.startsWith(`${f}=`)) {
        format = f;
        template = value.slice(f.length + 1);
        break;
      }
    }
  }
  if (TEMPLATE_FORMATS.includes(format) && isAllowed(format)) {
    throw new KtError(`output format ${JSON.stringify(format)} (Go templates) is not supported by kt`);
  }
  if (!(JSONPATH_FORMATS as readonly string[]).includes(format) || !isAllowed(format)) throw noPrinter();
  if (template === '') throw new KtError('template format specified but no template given');
  if (format === 'jsonpath-file') {
    if (options.readFile === undefined) throw new KtError('jsonpath-file is not supported here');
    try {
      template = options.readFile(template);
    } catch (e) {
      throw new KtError(`error reading --template ${template}, ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  compileJsonPath(template); // throws kubectl's "error parsing jsonpath …"
  const out: OutputFormat = { kind: 'jsonpath', template, asJSON: format === 'jsonpath-as-json' };
  if (options.allowMissingKeys !== undefined) out.allowMissingKeys = options.allowMissingKeys;
  return out;
}

/** Prints one object (or kubectl's List wrapper) in the given format, as kubectl's printer for it would. */
export function printObject(obj: unknown, format: OutputFormat, options: PrintOptions = {}): string {
  switch (format.kind) {
    case 'json':
    case 'yaml': {
      if (groupVersionKind(obj) === undefined) throw new KtError(MISSING_KIND);
      const shown = options.showManagedFields === true ? obj : omitManagedFields(obj);
      return format.kind === 'json' ? printJSON(shown) : printYAML(shown);
    }
    case 'name':
      return printName(obj);
    case 'jsonpath': {
      const compiled = compileJsonPath(format.template, { allowMissingKeys: format.allowMissingKeys ?? true });
      return format.asJSON ? compiled.executeAsJSON(obj) : compiled.execute(obj);
    }
  }
}

/** kubectl's OmitManagedFieldsPrinter: a copy without metadata.managedFields, on each item of a list. */
export function omitManagedFields(obj: unknown): unknown {
  if (!isGoMap(obj)) return obj;
  if (Array.isArray(obj.items)) return { ...obj, items: obj.items.map(stripManagedFields) };
  return stripManagedFields(obj);
}

function stripManagedFields(obj: unknown): unknown {
  if (!isGoMap(obj) || !isGoMap(obj.metadata) || !Object.hasOwn(obj.metadata, 'managedFields')) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}
