// webpack loader for zod's v4/core/util.js: its int64/uint64 ranges call BigInt while the module loads, and the
// runtime floor (EdgeHTML 18, Safari 12) has no BigInt, so every bundle that imports zod threw ReferenceError there.
// The calls are guarded: without BigInt the ranges are Numbers, used only by z.int64()/z.uint64(), which we never
// build. The build fails if zod changes the code this relies on, rather than shipping the throw again.
'use strict';

const CALL = /\/\* @__PURE__\*\/ BigInt\(/g;

module.exports = function zodBigInt(source) {
  const found = source.match(CALL) || [];
  if (found.length !== 4) {
    throw new Error(`scripts/loaders/zodBigInt.js: expected 4 BigInt(...) calls in ${this.resourcePath}, found ${found.length}; zod changed: check its module-level BigInt use again`);
  }
  return `${source.replace(CALL, '/* @__PURE__*/ __annexBigInt(')}\nfunction __annexBigInt(v) { return typeof BigInt === "function" ? BigInt(v) : Number(v); }\n`;
};
