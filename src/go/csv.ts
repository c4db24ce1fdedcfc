// Go's encoding/csv, as pflag reads a CSV-typed flag (`--types=Warning,Normal`, `--env="a=1,b"`).

/** One line of Go's encoding/csv: fields split at commas, double quotes group and escape. */
export function readCsvLine(line: string): string[] {
  if (line === '') return [];
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      fields.push(cur);
      cur = '';
    } else cur += ch;
  }
  fields.push(cur);
  return fields;
}
