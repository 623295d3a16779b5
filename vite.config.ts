import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * Writes /display-shell.json: every file the display entry can load, lazy chunks included (the
 * stored-state check is one). The page only reports what it fetched, so without this list the
 * service worker (public/sw.js) would miss a chunk that was not needed on the first visit and an
 * offline reboot could not load it. Outside /assets/, so it is revalidated like the pages. It
 * also names every font file of the build (`fonts`), which the worker keeps once cached.
 */
function displayShellManifest(): Plugin {
  return {
    name: 'display-shell-manifest',
    apply: 'build',
    // After writing: a chunk the bundler dropped as empty (a CSS-only import) must not be listed,
    // or the worker would wait for a file that never comes.
    writeBundle(options, bundle) {
      const outDir = options.dir ?? resolve(root, 'dist');
      const chunks = new Map(
        Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])),
      );
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.name === 'display');
      if (!entry) return;
      const files = new Set<string>();
      const visit = (fileName: string): void => {
        const chunk = chunks.get(fileName);
        if (!chunk || files.has(fileName)) return;
        files.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
      };
      visit(entry.fileName);
      const written = [...files].filter((file) => existsSync(resolve(outDir, file)));
      // The font slices are listed apart: a screen fetches only the slices its text draws (a
      // Chinese door would otherwise download every slice), but the worker must know all of them
      // as this build's, so that one it has cached is never taken for an older build's and pruned.
      const fonts = Object.values(bundle)
        .filter((file) => file.type === 'asset' && /\.woff2?$/.test(file.fileName))
        .map((file) => `/${file.fileName}`);
      writeFileSync(
        resolve(outDir, 'display-shell.json'),
        JSON.stringify({ assets: written.sort().map((file) => `/${file}`), fonts: fonts.sort() }),
      );
    },
  };
}

export default defineConfig({
  root,
  plugins: [displayShellManifest()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the pages target (es2022) has <link rel=modulepreload>: the polyfill was a
    // script of its own on each door's first load, doing nothing.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        display: resolve(root, 'display/index.html'),
        control: resolve(root, 'control/index.html'),
      },
      output: {
        // zod in chunks of its own: left to itself the bundler puts the core, shared by the panel
        // and the door's lazy stored-state check, into a chunk the door loads at once.
        codeSplitting: {
          // Else the classic group would take in the core it imports, and the door with it.
          includeDependenciesRecursively: false,
          groups: [
            // Classic and what only classic uses (JSON Schema, messages): the panel's part.
            {
              name: 'zod-classic',
              test: /node_modules[\\/]zod[\\/]v4[\\/](classic[\\/]|locales[\\/]|core[\\/](json-schema|to-json-schema|compile))/,
              priority: 2,
            },
            { name: 'zod-core', test: /node_modules[\\/]zod[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
