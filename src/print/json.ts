// kubectl -o json (cli-runtime's JSONPrinter): encoding/json's MarshalIndent with four spaces.
import { marshalGoJSON } from '../go/json.js';

/** kubectl -o json: 4-space indent, sorted keys, Go's HTML-safe escapes, trailing newline; a list is printed as
 * given (callers build kubectl's `{"apiVersion":"v1","items":[…],"kind":"List","metadata":{"resourceVersion":""}}`). */
export function printJSON(obj: unknown): string {
  return `${marshalGoJSON(obj, { indent: '    ' })}\n`;
}
