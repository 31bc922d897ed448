// Electron main-process entry, bundled to dist/main/main.cjs.
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { startDesktopApp } from './desktop-app';

startDesktopApp(
  { app, BrowserWindow, ipcMain, Menu, dialog, session },
  process.argv.slice(app.isPackaged ? 1 : 2),
);
