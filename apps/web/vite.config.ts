import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
// The rule the server's not-found handler follows: which HTML entry a client route opens.
import { webEntryFor } from '../server/src/web-entry.ts';

/** The dev server sends m.html for the resident routes, as the server does in production. */
function residentEntryInDev(): Plugin {
  return {
    name: 'linli-resident-entry',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.method === 'GET' && req.url && webEntryFor(req.url) === 'm.html') req.url = '/m.html';
        next();
      });
    },
  };
}

/**
 * Writes .vite/chunk-packages.json beside the manifest: for each output chunk, the npm packages whose
 * code it holds. The bench and the browser test read it to show which libraries each page loads
 * (no antd or echarts on the resident pages).
 */
function chunkPackages(): Plugin {
  return {
    name: 'linli-chunk-packages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const packages: Record<string, string[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const names = new Set<string>();
        for (const id of output.moduleIds) {
          const at = id.lastIndexOf('node_modules');
          if (at < 0) continue;
          const [scope = '', name = ''] = id.slice(at + 'node_modules'.length + 1).split(/[\\/]/);
          names.add(scope.startsWith('@') ? `${scope}/${name}` : scope);
        }
        packages[output.fileName] = [...names].sort();
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-packages.json', source: `${JSON.stringify(packages, null, 1)}\n` });
    },
  };
}

// Two HTML entries over one source tree: index.html (staff app: antd, charts on the pages that draw them)
// and m.html (resident pages: antd-mobile). The Fastify server serves dist/.
export default defineConfig({
  base: '/',
  // Brotli and gzip copies of every text asset next to it, written once at build time; the server
  // sends the one the browser accepts (@fastify/static preCompressed) instead of compressing per request.
  plugins: [
    react(),
    residentEntryInDev(),
    chunkPackages(),
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, exclude: [/\.vite[\\/]/], logLevel: 'silent' }),
  ],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // .vite/manifest.json: the bench reads each entry's static imports from it (first-load bytes per route).
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { index: 'index.html', m: 'm.html' },
      // @rc-component/form and its validator declare no sideEffects in package.json, so importing antd's
      // form context (every input, the modal, the App) kept the whole of both — Field, List, useForm, the
      // validation rules — on pages without a form (~80 KiB raw). Neither runs code on import that other
      // modules rely on, so they are tree-shaken like antd itself: only what is used stays.
      treeshake: {
        moduleSideEffects: (id: string) => (/node_modules[\\/]@rc-component[\\/](form|async-validator)[\\/]/.test(id) ? false : undefined),
      },
      output: {
        // Only React gets a named chunk of its own (every page of both entries needs it). antd, antd-mobile
        // and echarts are left to the automatic splitting, which puts a module in a chunk shared only by
        // the entries and lazy pages that import it: a named group also captures what its modules import
        // (tslib, classnames, @babel/runtime), which made the antd-mobile chunk import echarts and antd
        // import antd-mobile, so index.html preloaded all three on every page.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 }],
        },
      },
    },
  },
});
