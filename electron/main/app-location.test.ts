import { describe, expect, it } from 'vitest';
import { appLocation, isAppUrl } from './app-location';

const BUNDLE = 'file:///opt/Watchpost/resources/app.asar/out/main/index.js';
const INDEX = 'file:///opt/Watchpost/resources/app.asar/out/renderer/index.html';

describe('appLocation', () => {
  it('finds the preload, the renderer and the engine worker next to the main bundle', () => {
    const location = appLocation(BUNDLE, true, {});
    expect(location.preloadFile).toBe('/opt/Watchpost/resources/app.asar/out/preload/index.cjs');
    expect(location.indexFile).toBe('/opt/Watchpost/resources/app.asar/out/renderer/index.html');
    expect(location.workerFile).toBe('/opt/Watchpost/resources/app.asar/out/main/engine-worker.js');
  });

  it('uses the dev server only in an unpackaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(appLocation(BUNDLE, false, env).devServerUrl).toBe('http://localhost:5173');
    expect(appLocation(BUNDLE, true, env).devServerUrl).toBeNull();
  });
});

describe('isAppUrl', () => {
  const built = appLocation(BUNDLE, true, {});

  it('accepts our index.html with any in-app route', () => {
    expect(isAppUrl(built, INDEX)).toBe(true);
    expect(isAppUrl(built, `${INDEX}#/wall`)).toBe(true);
    expect(isAppUrl(built, `${INDEX}?view=desk`)).toBe(true);
  });

  it('refuses other files, other sites and things that are not URLs', () => {
    expect(isAppUrl(built, 'file:///opt/Watchpost/resources/app.asar/out/renderer/evil.html')).toBe(false);
    expect(isAppUrl(built, 'file:///etc/passwd')).toBe(false);
    expect(isAppUrl(built, 'https://evil.example/out/renderer/index.html')).toBe(false);
    expect(isAppUrl(built, 'file:///opt/%E0%A4%A/index.html')).toBe(false);
    expect(isAppUrl(built, 'not a url')).toBe(false);
  });

  it('in development, accepts the dev server and nothing else', () => {
    const dev = appLocation(BUNDLE, false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(isAppUrl(dev, 'http://localhost:5173/#/inbox')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, INDEX)).toBe(false);
  });
});
