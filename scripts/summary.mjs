// Print the plain summary line CI reads, from vitest's JSON report.
import { readFileSync } from "node:fs";

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch {
  console.log("0 passed, 1 failed");
  process.exit(0);
}
let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of report.testResults ?? []) {
  const results = suite.assertionResults ?? [];
  for (const test of results) {
    if (test.status === "passed") passed++;
    else if (test.status === "failed") failed++;
    else skipped++;
  }
  // A file that failed with no failing test (it did not load, or a hook threw) is one failure.
  if (suite.status === "failed" && !results.some((t) => t.status === "failed")) failed++;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
