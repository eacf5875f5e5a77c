#!/usr/bin/env node
// The `dossier` command: registers tsx so the TypeScript sources run as they are, then
// hands over to dossier.ts (the same shared/ingest code the app imports with).
import { register } from 'tsx/esm/api';

register();
await import('./dossier.ts');
