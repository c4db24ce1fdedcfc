// `kt events`: kubectl 1.32's flag definitions plus kt's own (behind flags of their own), loaded at start-up; the
// work is imported when the command runs.
import { Option, type Command } from 'commander';
import type { Registrar } from '../../cli/registry.js';
import { parseGoInt } from '../../cli/flags.js';
import { readCsvLine } from '../../go/csv.js';
import type { EventsFlags } from './options.js';

/** pflag's StringSlice: each occurrence is read as one CSV record and appended. */
function appendCSV(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...readCsvLine(value)];
}

export function registerEvents(program: Command, r: Registrar): void {
  program
    .command('events')
    .description('List events.')
    .usage('[(-o|--output=)json|yaml|name|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]')
    .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.')
    .option('--allow-missing-template-keys', 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.', true)
    .addOption(new Option('--chunk-size <n>', 'Return large lists in chunks rather than all at once. Pass 0 to disable. (kubectl accepts and ignores it for events: every list asks for 500 at a time.)').argParser((v) => parseGoInt(v, '--chunk-size')).default(500))
    .option('--for <TYPE/NAME>', 'Filter events to only those pertaining to the specified resource.', '')
    .option('--no-headers', "When using the default output format, don't print headers.")
    .option('-o, --output <format>', 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file).', '')
    .option('--show-managed-fields', 'If true, keep the managedFields when printing objects in JSON or YAML format.')
    .option('--template <template>', 'Template string or path to template file to use when -o=jsonpath, -o=jsonpath-file.', '')
    .addOption(new Option('--types <types>', 'Output only events of given types (Normal, Warning; a comma list or repeated).').argParser(appendCSV))
    .option('-w, --watch', 'After listing the requested events, watch for more events.')
    // kt's own, beyond kubectl.
    .option('--since <duration>', 'kt: only events last seen within this duration (e.g. 10m, 1h30m).')
    .option('--related', 'kt: with --for, also the events of related objects (a Deployment: its ReplicaSets, their Pods and those Pods\' Nodes), merged and deduplicated.')
    .option('--reconnect', 'kt: with --watch, survive the connection: relist and resume on 410 Gone, reconnect from the last resourceVersion when the stream drops, never printing an event twice. --reconnect=false ends as kubectl does.', true)
    .option('--color <when>', 'kt: colour Warning rows: auto (a terminal without NO_COLOR), always or never.', 'auto')
    .option('--explain', 'kt: print the kubectl commands that give the same answer (on stderr, before the output).')
    .allowExcessArguments()
    .action(function (this: Command) {
      const flags = this.opts<EventsFlags>();
      r.run(this, async (ctx) => (await import('./run.js')).events(ctx, flags));
    });
}
