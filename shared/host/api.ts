// The one host API between the renderer and the Node side (design.md §2).
// Implemented once in src-main/host; exposed by the Electron preload (one function per method) and
// by the loopback HTTP transport of browser mode. Every request and response is validated with
// these schemas on both sides of the boundary.

import { z } from 'zod';
import { MAX_DESIGN_BYTES } from '../model/io';
import { utf8ByteLength } from '../model/json-text';

const filePath = z.string().min(1).max(4096);
/** Design files are exchanged as text and parsed with shared/model's loader on the receiving side. */
const designText = z
  .string()
  .max(MAX_DESIGN_BYTES)
  .refine((text) => utf8ByteLength(text, MAX_DESIGN_BYTES) <= MAX_DESIGN_BYTES, {
    message: `a design is at most ${MAX_DESIGN_BYTES / (1024 * 1024)} MiB of UTF-8 text`,
  });

export const openedFileSchema = z.object({ path: filePath, content: designText });
export const canceledSchema = z.object({ canceled: z.literal(true) });

export const hostApiSchemas = {
  getAppInfo: {
    request: z.object({}).strict(),
    response: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      platform: z.string(),
      /** Directory of the file opened at start-up or the working directory (browser-mode file prompts start here). */
      workingDirectory: z.string(),
    }),
  },
  listExamples: {
    request: z.object({}).strict(),
    response: z.array(z.object({ id: z.string(), name: z.string(), path: filePath })),
  },
  /** The design to show first: the one named on the command line, else an example. */
  getStartupDesign: {
    request: z.object({}).strict(),
    response: z.union([openedFileSchema, z.object({ none: z.literal(true) })]),
  },
  /** Without `path`: Electron shows the native open dialog. Browser mode requires `path`. */
  openDesign: {
    request: z.object({ path: filePath.optional() }).strict(),
    response: z.union([openedFileSchema, canceledSchema]),
  },
  /**
   * Atomic save (temp file, fsync, rename). Without `path` (or with `saveAs`): Electron shows the
   * native save dialog; browser mode requires `path`.
   */
  saveDesign: {
    request: z
      .object({ path: filePath.optional(), content: designText, saveAs: z.boolean().optional() })
      .strict(),
    response: z.union([z.object({ path: filePath }), canceledSchema]),
  },
  listRecent: {
    request: z.object({}).strict(),
    response: z.array(filePath),
  },
  /** Autosave of the unsaved document to a recovery file (one per app instance). */
  writeRecovery: {
    request: z.object({ content: designText, path: filePath.optional() }).strict(),
    response: z.object({ ok: z.literal(true) }),
  },
  readRecovery: {
    request: z.object({}).strict(),
    response: z.union([
      z.object({ content: designText, savedAt: z.string(), path: filePath.optional() }),
      z.object({ none: z.literal(true) }),
    ]),
  },
  clearRecovery: {
    request: z.object({}).strict(),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Tells the shell whether the document has unsaved changes (title marker, close prompt). */
  setDocumentState: {
    request: z.object({ title: z.string().max(300), dirty: z.boolean() }).strict(),
    response: z.object({ ok: z.literal(true) }),
  },
} as const;

export type HostMethod = keyof typeof hostApiSchemas;
export type HostRequest<M extends HostMethod> = z.infer<(typeof hostApiSchemas)[M]['request']>;
export type HostResponse<M extends HostMethod> = z.infer<(typeof hostApiSchemas)[M]['response']>;

/** The API as the renderer sees it. */
export type HostApi = { [M in HostMethod]: (request: HostRequest<M>) => Promise<HostResponse<M>> };

export const hostMethods = Object.keys(hostApiSchemas) as HostMethod[];

/**
 * Commands the desktop shell's menu sends to the renderer (File > Save, Edit > Undo, …).
 * Browser mode has no native menu; the renderer's own menu bar calls the same commands.
 */
export const menuCommandSchema = z.enum([
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.close',
  'edit.undo',
  'edit.redo',
  'edit.cut',
  'edit.copy',
  'edit.paste',
  'edit.delete',
  'edit.selectAll',
  'view.fit',
  'view.zoomIn',
  'view.zoomOut',
  'view.toggleMinimap',
  'view.toggleTheme',
  'help.about',
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** Errors crossing the boundary: a message for people, never a stack trace. */
export const hostErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type HostError = z.infer<typeof hostErrorSchema>;
