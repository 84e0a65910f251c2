/**
 * Terminal styling: ANSI colour and progress only when stdout is a TTY and NO_COLOR is unset
 * (https://no-color.org); plain text otherwise (pipes, CI logs, files). The escape codes come
 * from Node's `util.styleText` (Node >= 20.12, so every Node the package supports).
 */
import { styleText } from "util";
import { Severity } from "../plan/finding";

export interface Style {
  readonly color: boolean;
  readonly progress: boolean;
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
  ok(s: string): string;
}

type Format = "bold" | "dim" | "red" | "yellow" | "cyan" | "green";
/**
 * Node >= 22.13 strips the codes itself unless the stream is a colour TTY; the caller has
 * decided already (the CLI's stdout may be a TTY while this process writes through a callback),
 * so that check is turned off. Node 20's styleText takes no options and never checks.
 */
const styled = styleText as (format: Format, text: string, options?: { validateStream?: boolean }) => string;

const wrap = (on: boolean, format: Format) => (s: string) => (on ? styled(format, s, { validateStream: false }) : s);

export function makeStyle(isTty: boolean, env: NodeJS.ProcessEnv): Style {
  const on = isTty && (env.NO_COLOR === undefined || env.NO_COLOR === "");
  const red = wrap(on, "red");
  const yellow = wrap(on, "yellow");
  const cyan = wrap(on, "cyan");
  return {
    color: on,
    progress: on,
    bold: wrap(on, "bold"),
    dim: wrap(on, "dim"),
    ok: wrap(on, "green"),
    severity: (sev, s) => (sev === Severity.ERROR ? red(s) : sev === Severity.WARNING ? yellow(s) : cyan(s)),
  };
}
