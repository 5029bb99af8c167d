#!/usr/bin/env node
// `npm start`: the demo (see sync-service/src/demo/start.ts), run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../sync-service/src/demo/start.ts');
