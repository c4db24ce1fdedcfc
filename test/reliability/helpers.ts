// Shared by the reliability tests. Child processes live in test/helpers/process.ts (one helper for the whole suite);
// this module keeps the names the reliability tests have always imported.
export { startKt, until, within, type Proc as Running } from '../helpers/process.js';

/** A pause. Never let one decide a result: wait for what matters with `until` or `waitForOutput` instead. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What no kt output may contain: a JavaScript stack trace. */
export const STACK = /\n\s+at .+\(?.*:\d+:\d+\)?|node:internal|TypeError|ReferenceError|SyntaxError: Unexpected/;
