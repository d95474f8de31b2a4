// The polyfill entry (webpack.config.js `polyfills`): swc's env `entry` mode replaces this import with every core-js
// module the runtime floor's browsers (runtime-floor.json) lack. Only webviews that lack a current built-in load it
// (the guard decides, src/runtime/guard.js); current WebView2, Chromium and Safari never download it.
import 'core-js/stable';

// WeakRef and FinalizationRegistry (Chromium 84, Safari 14.1, never EdgeHTML): Fluent UI's focus libraries (tabster,
// keyborg) construct WeakRefs as soon as the pane has focus, and core-js cannot polyfill them. Below those versions
// a WeakRef holds its target strongly and a registry never calls back: the same results, only nothing is collected
// early (a task pane lives as long as its page, so the cost is some memory, never a wrong answer).
if (typeof WeakRef === 'undefined') {
  var StrongRef = function WeakRef(target) {
    if (!(this instanceof StrongRef)) throw new TypeError("Constructor WeakRef requires 'new'");
    if (target === null || (typeof target !== 'object' && typeof target !== 'function')) throw new TypeError('WeakRef: invalid target');
    this._target = target;
  };
  StrongRef.prototype.deref = function deref() {
    return this._target;
  };
  globalThis.WeakRef = StrongRef;
}
if (typeof FinalizationRegistry === 'undefined') {
  var NeverFinalizing = function FinalizationRegistry() {
    if (!(this instanceof NeverFinalizing)) throw new TypeError("Constructor FinalizationRegistry requires 'new'");
  };
  NeverFinalizing.prototype.register = function register() {};
  NeverFinalizing.prototype.unregister = function unregister() {
    return false;
  };
  globalThis.FinalizationRegistry = NeverFinalizing;
}
