/**
 * Run before every test file (jest `setupFiles`). jsdom, the pane's test environment, lacks TextDecoder
 * and TextEncoder, which the file reader uses for zip entry names; browsers and Node have them.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder, TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });
