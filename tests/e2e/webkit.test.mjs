// The resident's walk (French, Arabic, a reload, the paper version, 320 px)
// and the advisor's desk in WebKit (WebKitGTK, the engine of Safari and of every iPhone browser): tests/e2e/engines/walk.mjs.
import { walks } from './engines/walk.mjs';

walks('webkit');
