// kubectl -o yaml (cli-runtime's YAMLPrinter): sigs.k8s.io/yaml marshals the object to JSON, go-yaml v2 reads that
// JSON back and emits it (src/go/yaml-emit.ts). What the JSON round trip does to strings is applied here.
import { KtError } from '../errors.js';
import { toWellFormed } from '../go/quote.js';
import { emitYAML } from '../go/yaml-emit.js';

/** kubectl -o yaml for one object. A caller printing several objects with one printer puts `---\n` before every
 * object after the first, as kubectl's YAMLPrinter does. Throws `yaml: control characters are not allowed` where
 * kubectl fails the same way (strings holding U+007F–U+009F other than U+0085, or U+FFFE/U+FFFF). */
export function printYAML(obj: unknown): string {
  return emitYAML(obj, afterJsonRoundTrip);
}

// A string as go-yaml reads it back from Go's JSON: invalid UTF-16 became U+FFFD; U+0085 is the only line break
// Go leaves unescaped, so the YAML double-quoted scanner folds it (with the spaces around it) like a newline.
function afterJsonRoundTrip(s: string): string {
  let t = toWellFormed(s);
  if (/[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.test(t)) throw new KtError('yaml: control characters are not allowed');
  if (t.includes('\u0085')) {
    t = t.replace(/ *\u0085((?: *\u0085)*) */g, (_m, more: string) => {
      const extra = more.split('\u0085').length - 1;
      return extra === 0 ? ' ' : '\n'.repeat(extra);
    });
  }
  return t;
}

