#!/usr/bin/env node
/** `ack-plan`: check, plan and report a fleet spec. See lib/cli/run.ts and docs/fleet.md. */
import { run } from "./run";

// A closed pipe (`ack-plan plan SPEC | head`) ends the output quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTty: process.stdout.isTTY === true,
  env: process.env,
});
