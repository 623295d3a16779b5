/** Module resolution hook for without-vite.mjs: `vite` and its subpaths are "not installed". */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'vite' || specifier.startsWith('vite/')) {
    const error = new Error(`Cannot find package '${specifier}' (hidden by test/support/without-vite.mjs)`);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return nextResolve(specifier, context);
}
