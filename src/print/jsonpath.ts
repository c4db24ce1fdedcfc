// kubectl's JSONPath template language (client-go util/jsonpath, as shipped in kubectl 1.32): compiling a template
// (jsonpath-parse.ts), running it (jsonpath-eval.ts) and printing the results as kubectl's JSONPath printer does.
//
// This is a small evaluator of its own rather than a wrapper around a JSONPath library: kubectl's dialect is a
// template language (literal text, {range}/{end}, quoted literals, results joined by spaces) whose edge cases — when a
// missing key is an error, what an out-of-range index says, which values a filter may compare, that ['a.b'] splits
// on the dot — all follow client-go's parser and walker, not standard JSONPath.

import { KtError } from '../errors.js';
import { Float64, formatGoNumber, formatGoSharpV, isGoMap } from '../go/fmt.js';
import { marshalGoJSON } from '../go/json.js';
import { goQuote } from '../go/quote.js';
import { ExecError, findAll, INVALID, type Slot } from './jsonpath-eval.js';
import { ParseError, parseTemplate, type ListNode } from './jsonpath-parse.js';

/** A JSONPath template that failed to parse or execute. `message` is kubectl's full wording; `reason` is the
 * engine's own error (e.g. `nope is not found`), for callers such as custom-columns that word errors differently. */
export class JsonPathError extends KtError {
  override name = 'JsonPathError';
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys; kubectl defaults it to true for -o jsonpath. */
  allowMissingKeys?: boolean;
}

export interface CompiledJsonPath {
  /** The -o jsonpath output for one object (no trailing newline is added, as in kubectl). */
  execute(data: unknown): string;
  /** The -o jsonpath-as-json output: each result group as an indented JSON array, one per line. */
  executeAsJSON(data: unknown): string;
}

/** Parses a template; throws JsonPathError worded as kubectl's `error parsing jsonpath <template>, <why>`. */
export function compileJsonPath(template: string, options: JsonPathOptions = {}): CompiledJsonPath {
  let root: ListNode;
  try {
    root = parseTemplate(template);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    throw new JsonPathError(`error parsing jsonpath ${template}, ${e.message}`, e.message);
  }
  const allowMissingKeys = options.allowMissingKeys ?? true;
  const run = (data: unknown, asJSON: boolean): string => {
    let groups: Slot[][];
    try {
      groups = findAll(root, data, allowMissingKeys);
    } catch (e) {
      if (!(e instanceof ExecError)) throw e;
      throw new JsonPathError(executionMessage(template, e.message, data), e.message);
    }
    let out = '';
    for (const group of groups) out += asJSON ? printGroupAsJSON(group) : printGroup(group);
    return out;
  };
  return { execute: (data) => run(data, false), executeAsJSON: (data) => run(data, true) };
}

// kubectl's printer adds a Go-syntax dump of the object to execution errors; the trailing "\n\n\n" is theirs too.
function executionMessage(template: string, reason: string, data: unknown): string {
  return (
    `error executing jsonpath ${goQuote(template)}: Error executing template: ${reason}. ` +
    `Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${formatGoSharpV(data === undefined ? null : data)}\n\n\n`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Printing results

function printGroup(group: Slot[]): string {
  let out = '';
  for (let i = 0; i < group.length; i++) {
    const v = group[i];
    out += Array.isArray(v) || isGoMap(v) ? marshalGoJSON(v) : goText(v);
    if (i !== group.length - 1) out += ' ';
  }
  return out;
}

function printGroupAsJSON(group: Slot[]): string {
  return `${marshalGoJSON(group.map((v) => (v === INVALID ? null : v)), { indent: '    ' })}\n`;
}

// fmt.Fprint of a scalar result.
function goText(v: Slot): string {
  if (v === INVALID) return '<no value>';
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || v instanceof Float64) return formatGoNumber(v);
  return String(v);
}
