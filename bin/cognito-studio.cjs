#!/usr/bin/env node
// Launcher for the bundled CLI. The bundle is built by `npm ci` (prepare) or `node scripts/build.mjs --cli`.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher has no other way to load the bundle */
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'cognito-studio.cjs');
// The entry point runs the main bundle next to it (see src-main/cli/start.ts).
const missing = [bundle, path.join(path.dirname(bundle), 'cognito-studio-main.cjs')].find(
  (file) => !fs.existsSync(file),
);
if (missing) {
  process.stderr.write(
    `cognito-studio: the CLI is not built (${missing} is missing); run 'node scripts/build.mjs --cli' in the project folder\n`,
  );
  process.exit(2);
}
require(bundle);
