#!/usr/bin/env node
'use strict';
// `segdoc-language-server`: the segdoc language server for editors other than VS Code. It
// speaks LSP over stdio unless the command line names another transport (--node-ipc,
// --socket=N, --pipe=NAME); dist/server.js answers anything else with one line of usage.
const path = require('node:path');
const fs = require('node:fs');
const server = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(server)) {
  process.stderr.write('segdoc-language-server: dist/server.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
const transport = /^--(stdio|node-ipc|socket|pipe)(=|$)/;
if (!process.argv.slice(2).some((arg) => transport.test(arg))) process.argv.push('--stdio');
require(server);
