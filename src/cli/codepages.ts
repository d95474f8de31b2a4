/**
 * SheetJS's code page tables (`@e965/xlsx/dist/cpexcel.js`, 470 KB) loaded only when a file needs them.
 *
 * In Node, `require('@e965/xlsx')` requires the tables at once, and building them is about 190 ms of the
 * CLI's start-up — more than reading and checking an .xlsx, which never decodes a code page (its XML is
 * UTF-8; SheetJS reaches the tables only for .xls/.xlsb strings and DBF/SYLK text). SheetJS uses the table
 * module only through `utils.decode` and `utils.encode`, so this puts a stand-in with those two functions
 * where `require` finds the module; the first call loads the real tables and every call goes to them.
 * Same code paths in SheetJS (it still sees a code page table), same results; the cost moves to the
 * files that use it.
 *
 * Node only (the pane's bundle resolves SheetJS's ES module, which does not load the tables). Must be
 * imported before anything imports `@e965/xlsx`.
 */
import Module from 'node:module';

interface CodePageUtils {
  decode(cp: number, data: unknown, ...rest: unknown[]): unknown;
  encode(cp: number, data: unknown, ...rest: unknown[]): unknown;
}

function install(): void {
  let path: string;
  try {
    path = require.resolve('@e965/xlsx/dist/cpexcel.js');
  } catch {
    return;
  }
  if (require.cache[path]) return;
  let real: { utils: CodePageUtils } | null = null;
  const load = (): { utils: CodePageUtils } => {
    if (real) return real;
    // Out of the cache, then required for real (the stand-in is never seen again by a new require).
    delete require.cache[path];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load by path, on first use
    real = require(path) as { utils: CodePageUtils };
    return real;
  };
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = {
    utils: {
      decode: (cp: number, data: unknown, ...rest: unknown[]) => load().utils.decode(cp, data, ...rest),
      encode: (cp: number, data: unknown, ...rest: unknown[]) => load().utils.encode(cp, data, ...rest),
    },
  };
  require.cache[path] = stub;
}

install();
