#!/usr/bin/env node
// The `watchpost` command: runs the built CLI, building it first when the sources are newer.
import { buildIfNeeded } from '../scripts/build-if-needed.js';

buildIfNeeded();
await import('../out/main/cli.js');
