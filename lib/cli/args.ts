/** Hand-rolled argv parsing for ack-plan (no CLI framework). */

export interface ParsedArgs {
  readonly command?: string;
  readonly positionals: string[];
  readonly flags: Map<string, string | true>;
}

/** Flags that take a value (`--out DIR` or `--out=DIR`). */
const VALUED = new Set(["out", "lock"]);

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h") flags.set("help", true);
    else if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUED.has(name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
      } else {
        if (eq >= 0) throw new UsageError(`--${name} takes no value`);
        flags.set(name, true);
      }
    } else if (a.startsWith("-") && a !== "-") throw new UsageError(`unknown option ${a}`);
    else positionals.push(a);
  }
  const [command, ...rest] = positionals;
  return { command, positionals: rest, flags };
}

/** Throws unless every flag given is one the command knows. */
export function checkFlags(args: ParsedArgs, allowed: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (name !== "help" && !allowed.includes(name)) throw new UsageError(`${args.command} does not take --${name}`);
  }
}
