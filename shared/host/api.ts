// The one host API between the renderer and the Node side (design.md §2).
// Implemented once in src-main/host; exposed by the Electron preload (one function per method) and
// by the loopback HTTP transport of browser mode. Every request and response is validated with
// these schemas on both sides of the boundary.

import { z } from 'zod';
import { MAX_DESIGN_BYTES } from '../model/io';
import { fitsUtf8, utf8ByteLength } from '../model/json-text';

const filePath = z.string().min(1).max(4096);
/** Design files are exchanged as text and parsed with shared/model's loader on the receiving side. */
const designText = z
  .string()
  .max(MAX_DESIGN_BYTES)
  .refine((text) => fitsUtf8(text, MAX_DESIGN_BYTES), {
    message: `a design is at most ${MAX_DESIGN_BYTES / (1024 * 1024)} MiB of UTF-8 text`,
  });

/** Text exports (reports, templates) may be larger than a design: a report embeds the access matrix. */
const exportText = z.string().max(50 * 1024 * 1024);

/** What an export is; each format names the file extensions it may be written to. */
export const exportFormatSchema = z.enum(['html', 'markdown', 'json', 'yaml', 'terraform']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export const exportExtensions: Record<ExportFormat, readonly string[]> = {
  html: ['.html', '.htm'],
  markdown: ['.md'],
  json: ['.json'],
  yaml: ['.yaml', '.yml'],
  terraform: ['.tf'],
};

/** Text typed in the policy editor for policies of all kinds together, drafts included. */
export const MAX_POLICY_DRAFT_BYTES = 2 * 1024 * 1024;
/**
 * Policy editor drafts (text that is not valid JSON yet) by policy key, kept with the autosave so a
 * recovery restores them; never part of a design file.
 */
export const policyDraftsSchema = z
  .record(z.string().min(1).max(2048), z.string())
  .refine((drafts) => Object.keys(drafts).length <= 1000, { message: 'at most 1000 policy drafts' })
  .refine(
    (drafts) =>
      Object.values(drafts).reduce(
        (total, text) => total + utf8ByteLength(text, MAX_POLICY_DRAFT_BYTES),
        0,
      ) <= MAX_POLICY_DRAFT_BYTES,
    {
      message: `policy drafts are at most ${MAX_POLICY_DRAFT_BYTES / (1024 * 1024)} MiB of UTF-8 text together`,
    },
  );

export const openedFileSchema = z.object({ path: filePath, content: designText });
export const canceledSchema = z.object({ canceled: z.literal(true) });

/**
 * Which account to reach: a profile of the shared AWS config and a region. No credentials and no
 * endpoint: credentials never leave the Node side, and the endpoint comes only from the host's own
 * environment (AWS_ENDPOINT_URL) so a page cannot send signed requests to a server of its choosing.
 */
const awsTargetSchema = z
  .object({
    profile: z
      .string()
      .regex(/^[\w+=,.@/-]{1,128}$/)
      .optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/)
      .optional(),
  })
  .strict();
const awsAccountSchema = z.object({ accountId: z.string().regex(/^\d{12}$/), region: z.string() });
const identityPoolIdSchema = z
  .string()
  .regex(/^[\w-]+:[0-9a-f-]+$/)
  .max(55);
const planChangeSchema = z.object({
  step: z.number().int().positive(),
  resource: z.string(),
  summary: z.string(),
  adopt: z.boolean(),
  deletion: z.boolean(),
  diff: z.string(),
});
const stepResultSchema = z.object({
  step: z.number().int().positive(),
  resource: z.string(),
  summary: z.string(),
  status: z.enum(['applied', 'failed', 'not-applied', 'skipped']),
  message: z.string().optional(),
});
const catalogResourceTypeSchema = z.object({
  name: z.string(),
  required: z.boolean(),
  arnFormat: z.string(),
  conditionKeys: z.array(z.string()),
});
const catalogActionSchema = z.object({
  service: z.string(),
  name: z.string(),
  description: z.string(),
  accessLevel: z.string(),
  resourceTypes: z.array(catalogResourceTypeSchema),
  conditionKeys: z.array(z.string()),
  wildcardOnly: z.boolean(),
});
const catalogConditionKeySchema = z.object({ key: z.string(), type: z.string(), description: z.string() });

/** The text editing commands a desktop page can run natively (Electron's webContents methods). */
export const nativeEditActionSchema = z.enum(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
export type NativeEditAction = z.infer<typeof nativeEditActionSchema>;

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
    request: z
      .object({ content: designText, path: filePath.optional(), policyDrafts: policyDraftsSchema.optional() })
      .strict(),
    response: z.object({ ok: z.literal(true) }),
  },
  /** `unreadable`: the file was damaged; it was moved aside to `keptAt`, and `message` says what is wrong. */
  readRecovery: {
    request: z.object({}).strict(),
    response: z.union([
      z.object({
        content: designText,
        savedAt: z.string(),
        path: filePath.optional(),
        policyDrafts: policyDraftsSchema.optional(),
      }),
      z.object({ none: z.literal(true) }),
      z.object({ unreadable: z.object({ message: z.string().max(4096), keptAt: filePath }) }),
    ]),
  },
  /** `setAside`: keep the file under another name (its design could not be loaded) instead of deleting it. */
  clearRecovery: {
    request: z.object({ setAside: z.literal(true).optional() }).strict(),
    response: z.object({ ok: z.literal(true), keptAt: filePath.optional() }),
  },
  /** Tells the shell whether the document has unsaved changes (title marker, close prompt). */
  setDocumentState: {
    request: z.object({ title: z.string().max(300), dirty: z.boolean() }).strict(),
    response: z.object({ ok: z.literal(true) }),
  },
  /**
   * Writes a text export (review report, CloudFormation, Terraform, …) atomically. Without `path`
   * Electron shows the native save dialog starting at `suggestedName`; browser mode requires
   * `path`. The path must end with one of the extensions of `format`.
   */
  exportFile: {
    request: z
      .object({
        format: exportFormatSchema,
        suggestedName: z.string().min(1).max(255),
        content: exportText,
        path: filePath.optional(),
      })
      .strict(),
    response: z.union([z.object({ path: filePath }), canceledSchema]),
  },
  /** Profile names of the shared AWS config files (never their contents) and the environment's defaults. */
  awsListProfiles: {
    request: z.object({}).strict(),
    response: z.object({
      profiles: z.array(z.string()),
      defaultProfile: z.string().optional(),
      defaultRegion: z.string().optional(),
    }),
  },
  awsListIdentityPools: {
    request: z.object({ target: awsTargetSchema }).strict(),
    response: awsAccountSchema.extend({
      pools: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  },
  /** Reads identity pools into a new design (design text), with what could not be read. */
  awsPull: {
    request: z
      .object({ target: awsTargetSchema, identityPoolIds: z.array(identityPoolIdSchema).min(1).max(50) })
      .strict(),
    response: awsAccountSchema.extend({
      content: designText,
      problems: z.array(z.string()),
      missing: z.array(z.string()),
      assumptions: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  },
  /** The ordered changes that would make the account match the design; `fingerprint` goes back to awsApply. */
  awsPlan: {
    request: z.object({ target: awsTargetSchema, content: designText }).strict(),
    response: awsAccountSchema.extend({
      changes: z.array(planChangeSchema),
      notes: z.array(z.string()),
      fingerprint: z.string(),
    }),
  },
  /**
   * Applies the plan the person confirmed (refused when the account changed since: plan again).
   * `content` in the answer is the design with the ids of identity pools AWS created.
   */
  awsApply: {
    request: z
      .object({
        target: awsTargetSchema,
        content: designText,
        fingerprint: z.string().max(20 * 1024 * 1024),
        adopt: z.boolean(),
        allowDelete: z.boolean(),
      })
      .strict(),
    response: awsAccountSchema.extend({
      ok: z.boolean(),
      steps: z.array(stepResultSchema),
      failure: z.string().optional(),
      content: designText.optional(),
    }),
  },
  /**
   * Actions of IAM services with their access level, from the IAM catalog in the main process
   * (the access matrix chooses actions by service and access level). Unknown services have none.
   */
  catalogActions: {
    request: z.object({ services: z.array(z.string().regex(/^[a-z0-9-]{1,64}$/)).max(50) }).strict(),
    response: z.object({
      services: z.array(
        z.object({
          service: z.string(),
          actions: z.array(z.object({ name: z.string(), accessLevel: z.string() })),
        }),
      ),
    }),
  },
  /**
   * Browser mode's file browser: the sub-folders and design files of one folder of the workspace
   * (`directory` relative to its root; absent = the root). The desktop app answers `unsupported`.
   */
  listWorkspace: {
    request: z.object({ directory: z.string().max(4096).optional() }).strict(),
    response: z.object({
      root: z.string(),
      /** Relative to the root, `/`-separated; '' for the root itself. */
      directory: z.string(),
      entries: z.array(z.object({ name: z.string(), kind: z.enum(['directory', 'design']) })),
    }),
  },
  /** The IAM action catalog's service prefixes and global condition keys (policy editor). */
  getIamCatalogIndex: {
    request: z.object({}).strict(),
    response: z.object({ services: z.array(z.string()), globalConditionKeys: z.array(z.string()) }),
  },
  /** Every action of one service, read on demand (empty for an unknown service). */
  getIamCatalogService: {
    request: z.object({ service: z.string().min(1).max(100) }).strict(),
    response: z.object({ actions: z.array(catalogActionSchema) }),
  },
  getIamCatalogConditionKey: {
    request: z.object({ key: z.string().min(1).max(500) }).strict(),
    response: z.union([catalogConditionKeySchema, z.object({ none: z.literal(true) })]),
  },
  /**
   * Runs a text editing command in the focused field of the page the way the desktop shell does
   * it (webContents.undo() and friends), for the Edit menu when the renderer found a text field
   * focused. `done` is false where the shell has no such command (browser mode).
   */
  editNatively: {
    request: z.object({ action: nativeEditActionSchema }).strict(),
    response: z.object({ done: z.boolean() }),
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
  'view.toggleSimulator',
  'file.export',
  'file.importAws',
  'file.planApply',
  'file.exportReport',
  'view.design',
  'view.matrix',
  'file.openRecent',
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** Errors crossing the boundary: a message for people, never a stack trace. */
export const hostErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type HostError = z.infer<typeof hostErrorSchema>;
