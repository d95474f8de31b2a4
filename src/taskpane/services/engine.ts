/** The checks and the settings' validation (zod): not needed for the pane's first paint, loaded with the first use. */
export async function engine() {
  return import(/* webpackChunkName: "engine" */ '../../core/engine');
}
