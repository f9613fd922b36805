// The resident's walk (French, Arabic, a reload, the paper version, 320 px)
// and the advisor's desk in Firefox ESR: tests/e2e/engines/walk.mjs.
import { walks } from './engines/walk.mjs';

walks('firefox');
