/**
 * The first line of a failure's message (or of a text), as the reason in a one-line refusal or a
 * log line: a database driver's or a parser's message often goes on with a stack or a dump.
 */
export function firstLine(failure: unknown): string {
  return (failure instanceof Error ? failure.message : String(failure)).split('\n')[0]!;
}
