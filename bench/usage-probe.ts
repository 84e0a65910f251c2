/**
 * Preloaded into a benchmarked process (`node -r dist/bench/usage-probe.js app.js`): at exit it
 * writes the process's own resource usage (CPU time, peak RSS) as JSON to the file named by
 * ACK_BENCH_USAGE. CPU time, not wall time, so that other load on the machine matters less.
 */
import * as fs from "fs";

const file = process.env.ACK_BENCH_USAGE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKiB: u.maxRSS }));
  });
}
