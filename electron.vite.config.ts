import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const ICON_LINK = 'href="./favicon.png"';

/**
 * The page's icon inline, as a data: URL. A browser reads the icon again on every address change (each inbox
 * sort or filter changes the hash): from the host that was a request per change, answered beside the list's
 * first page, and its answer handled on the main thread before the frame with the new rows.
 */
function inlineIcon(): Plugin {
  return {
    name: 'watchpost:inline-icon',
    transformIndexHtml(html) {
      if (!html.includes(ICON_LINK)) throw new Error(`renderer/index.html has no ${ICON_LINK} to inline`);
      const png = readFileSync(resolve('renderer/public/favicon.png')).toString('base64');
      return html.replace(ICON_LINK, `href="data:image/png;base64,${png}"`);
    },
  };
}

// One build makes every runtime: the Electron main process, the plain-Node entries that share its
// engine (the `watchpost` CLI, the engine worker), the sandboxed preload and the React renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/index.ts'),
          'engine-worker': resolve('electron/engine/worker.ts'),
          // An import's second thread (parse + enrich); the engine finds it beside its own chunk.
          'ingest-worker': resolve('electron/engine/ingest/enrich-worker.ts'),
          // A large demo's second thread (makes the mentions while the engine writes them); found the same way.
          'demo-worker': resolve('electron/engine/demo/batch-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), inlineIcon()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified by default; minified, the page parses in a fraction of the time.
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
