// Electron main-process entry, bundled to dist/main/main.cjs.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { startDesktopApp } from './desktop-app';

startDesktopApp(
  { app, BrowserWindow, ipcMain, Menu, dialog, session, protocol },
  process.argv.slice(app.isPackaged ? 1 : 2),
);
