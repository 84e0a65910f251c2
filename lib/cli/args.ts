/**
 * ack-plan's argv, parsed with Node's own `util.parseArgs` (stable since Node 20; strict mode
 * rejects unknown options, a value given to a boolean flag and a missing value).
 */
import { parseArgs as nodeParseArgs } from "util";

export interface ParsedArgs {
  readonly command?: string;
  readonly positionals: string[];
  readonly flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/** Every option any command takes; {@link checkFlags} narrows them per command. */
const OPTIONS = {
  lock: { type: "string" },
  "no-lock": { type: "boolean" },
  json: { type: "boolean" },
  prune: { type: "boolean" },
  "no-write": { type: "boolean" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
} as const;

/** Node's parse errors name the option the user typed; keep that text, drop Node's error code. */
function usageMessage(e: Error): string {
  const text = e.message.replace(/\. To specify a positional argument.*$/s, "");
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function parseStrict(argv: readonly string[]) {
  try {
    return nodeParseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    if (e instanceof TypeError) throw new UsageError(usageMessage(e));
    throw e;
  }
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed = parseStrict(argv);
  const flags = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined || value === false) continue;
    if (value === "") throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  const [command, ...positionals] = parsed.positionals;
  return { command, positionals, flags };
}

/** Throws unless every flag given is one the command knows. */
export function checkFlags(args: ParsedArgs, allowed: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (name !== "help" && !allowed.includes(name)) throw new UsageError(`${args.command} does not take --${name}`);
  }
}
