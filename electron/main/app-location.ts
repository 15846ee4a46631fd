import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the pieces of the built app live, worked out once from the main bundle's own URL. */
export interface AppLocation {
  /** The electron-vite dev server, used only in an unpackaged app started by `electron-vite dev`. */
  devServerUrl: string | null;
  indexFile: string;
  preloadFile: string;
  workerFile: string;
}

/**
 * `mainBundleUrl` must be `import.meta.url` of the entry bundle (out/main/index.js): code in a shared
 * chunk would see its own chunk's URL instead.
 */
export function appLocation(mainBundleUrl: string, isPackaged: boolean, env: NodeJS.ProcessEnv): AppLocation {
  const devServer = env['ELECTRON_RENDERER_URL'];
  return {
    // A packaged app ignores the variable: otherwise anyone who can set it could point the app, with its
    // engine door, at a page of their choosing.
    devServerUrl: !isPackaged && devServer ? devServer : null,
    indexFile: fileURLToPath(new URL('../renderer/index.html', mainBundleUrl)),
    preloadFile: fileURLToPath(new URL('../preload/index.cjs', mainBundleUrl)),
    workerFile: fileURLToPath(new URL('./engine-worker.js', mainBundleUrl)),
  };
}

/**
 * True when `url` is our renderer: the built index.html (any hash or query, so in-app routes count) or,
 * in development, any page of the dev server's origin.
 */
export function isAppUrl(location: AppLocation, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.devServerUrl !== null) {
    return parsed.origin === new URL(location.devServerUrl).origin;
  }
  const index = pathToFileURL(location.indexFile);
  if (parsed.protocol !== 'file:' || parsed.host !== index.host) return false;
  const [asked, ours] = [decodedPath(parsed), decodedPath(index)];
  // Windows paths are case-insensitive, and Chromium may spell the drive letter differently.
  return process.platform === 'win32' ? asked.toLowerCase() === ours.toLowerCase() : asked === ours;
}

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname; // malformed escapes: compare as written, which then simply does not match
  }
}
