import { app, safeStorage, session } from 'electron';
import { startEngineWorker } from '../engine/client';
import { appLocation, isAppUrl } from './app-location';
import { forwardEngineEvents, openEngineDoor } from './ipc';
import { closeEngineOnQuit, ensureDemoWorkspace, workspaceFolder } from './lifecycle';
import { installMenu, menuLanguage } from './menu';
import { keychainSecretKey } from './secret-key';
import { lockNavigation, lockPermissions } from './security';
import { AppWindows } from './windows';

// The Electron main process only wires things together: the engine (a worker thread), the one IPC door,
// the windows and their locks. Everything with logic lives in the modules imported above.
function log(line: string): void {
  process.stderr.write(`watchpost: ${line}\n`);
}

function startDesktopApp(): void {
  // A second copy would open the same workspace twice; instead it hands over to the first and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const location = appLocation(import.meta.url, app.isPackaged, process.env);
  const isOurPage = (url: string): boolean => isAppUrl(location, url);
  const windows = new AppWindows(location, log);

  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, isOurPage));
  app.on('second-instance', () => windows.focusDesk());

  const dataDir = workspaceFolder(app, process.env);
  // safeStorage answers only once Electron is ready; the engine gets the keychain's credential key at its start.
  const engine = app.whenReady().then(() =>
    startEngineWorker({
      dataDir,
      workerFile: location.workerFile,
      secretKey: keychainSecretKey(safeStorage, dataDir, log) ?? undefined,
    }),
  );
  // The door answers with this error too, so the desk can show it; here it is only logged.
  engine.catch((err: unknown) =>
    log(`the workspace in ${dataDir} could not be opened: ${err instanceof Error ? err.message : String(err)}`),
  );
  openEngineDoor(engine, { owns: (contents) => windows.owns(contents), isAppUrl: isOurPage });
  closeEngineOnQuit(app, engine);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (windows.count() === 0) windows.openDesk();
  });

  void app.whenReady().then(async () => {
    lockPermissions(session.defaultSession, isOurPage);
    installMenu(
      menuLanguage(app.getLocale()),
      { showDesk: () => windows.openDesk(), openWall: () => windows.openWall() },
      { platform: process.platform, devTools: !app.isPackaged },
    );
    windows.openDesk();
    const client = await engine.catch(() => null);
    if (client === null) return;
    forwardEngineEvents(client, () => windows.contents());
    const demo = await ensureDemoWorkspace(client, process.env);
    if (demo === 'generated') log(`new workspace in ${dataDir}: generating the demo workspace`);
    else if (demo.startsWith('failed')) log(`the demo workspace was not generated: ${demo}`);
  });
}

startDesktopApp();
