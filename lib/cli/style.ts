/**
 * Terminal styling: ANSI colour and progress only when stdout is a TTY and NO_COLOR is unset
 * (https://no-color.org); plain text otherwise (pipes, CI logs, files).
 */
import { Severity } from "../plan/finding";

export interface Style {
  readonly color: boolean;
  readonly progress: boolean;
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
  ok(s: string): string;
}

const wrap = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function makeStyle(isTty: boolean, env: NodeJS.ProcessEnv): Style {
  const on = isTty && (env.NO_COLOR === undefined || env.NO_COLOR === "");
  const red = wrap(on, "31");
  const yellow = wrap(on, "33");
  const cyan = wrap(on, "36");
  return {
    color: on,
    progress: on,
    bold: wrap(on, "1"),
    dim: wrap(on, "2"),
    ok: wrap(on, "32"),
    severity: (sev, s) => (sev === Severity.ERROR ? red(s) : sev === Severity.WARNING ? yellow(s) : cyan(s)),
  };
}
