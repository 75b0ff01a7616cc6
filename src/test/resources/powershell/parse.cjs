// Parses PowerShell files with tree-sitter-powershell (WebAssembly) and prints, per file, "ok" or each ERROR and
// MISSING node with its line; exit 1 when any file has one. Run from a directory where web-tree-sitter and
// tree-sitter-powershell are installed (PowerShellCompletionTest installs them with npm).
// V8's baseline WebAssembly compiler only: its optimising one spends 20-40 s of CPU on the 1 MB grammar, in background
// threads the exit waits for, where the parse itself takes under a second either way (same grammar, same parser).
require('v8').setFlagsFromString('--liftoff-only');
const { Parser, Language } = require('web-tree-sitter');
const fs = require('fs');
(async () => {
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm')));
  let failed = false;
  for (const file of process.argv.slice(2)) {
    const src = fs.readFileSync(file, 'utf8');
    const bad = [];
    const walk = (n) => {
      if (n.isError || n.isMissing) {
        bad.push(`${n.isMissing ? 'MISSING' : 'ERROR'} ${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}`);
      }
      n.children.forEach(walk);
    };
    const tree = parser.parse(src);
    walk(tree.rootNode);
    failed = failed || tree.rootNode.hasError || bad.length > 0;
    console.log(bad.length === 0 && !tree.rootNode.hasError ? `${file}: ok` : `${file}: ${bad.join('; ')}`);
  }
  process.exit(failed ? 1 : 0);
})();
