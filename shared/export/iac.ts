// One entry point for infrastructure-as-code export, shared by the CLI and the app.

import type { DesignDocument } from '../model/types';
import { exportCloudFormation, type CloudFormationSyntax, type IacExport } from './cloudformation';
import { exportTerraform } from './terraform';

export const IAC_FORMATS = ['cloudformation', 'terraform'] as const;
export type IacFormat = (typeof IAC_FORMATS)[number];
export const CLOUDFORMATION_SYNTAXES = ['yaml', 'json'] as const;
export type { CloudFormationSyntax, IacExport };

export interface IacExportOptions {
  format: IacFormat;
  /** CloudFormation only (default YAML). */
  syntax?: CloudFormationSyntax;
}

export interface IacFile extends IacExport {
  /** Suggested file name, from the design name. */
  fileName: string;
  /** For people: `CloudFormation (YAML)`, `Terraform`. */
  label: string;
}

export function exportIac(design: DesignDocument, options: IacExportOptions): IacFile {
  const base = design.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'design';
  if (options.format === 'terraform') {
    return { ...exportTerraform(design), fileName: `${base}.tf`, label: 'Terraform' };
  }
  const syntax = options.syntax ?? 'yaml';
  return {
    ...exportCloudFormation(design, syntax),
    fileName: `${base}.${syntax === 'json' ? 'template.json' : 'template.yaml'}`,
    label: `CloudFormation (${syntax.toUpperCase()})`,
  };
}
