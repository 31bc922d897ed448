// The review report's pure parts: escaping of design text, the graph image and the JSON rendering.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMatrixTable, designResources } from '../../../shared/cognito';
import { loadDesign } from '../../../shared/model/io';
import type { DesignDocument } from '../../../shared/model/types';
import { reviewDesignSync } from '../../../shared/review';
import {
  buildReviewReport,
  designGraphSvg,
  escapeHtml,
  escapeMarkdown,
  renderReport,
  sha256Hex,
  visibleText,
} from '../../../shared/review/report';

function photoSharing(): DesignDocument {
  const loaded = loadDesign(
    readFileSync(
      new URL('../../../assets/examples/photo-sharing.cognito-design.json', import.meta.url),
      'utf8',
    ),
  );
  if (!loaded.ok) throw new Error('photo-sharing does not load');
  return loaded.design;
}

const NOW = '2026-03-01T12:00:00.000Z';

describe('report escaping', () => {
  it('makes control characters and bidi overrides visible', () => {
    expect(visibleText('a\u001b[31mb\u202ec\u0000\n')).toBe('a\\u{001b}[31mb\\u{202e}c\\u{0000}\\u{000a}');
  });

  it('escapes markup for HTML and Markdown', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
    expect(escapeMarkdown('a|b *c* [d](e) `f` <g>')).toBe('a\\|b \\*c\\* \\[d\\](e) \\`f\\` \\<g\\>');
  });
});

describe('graph image', () => {
  it('draws every entity of the design with escaped names and no external reference', async () => {
    const design = photoSharing();
    design.roles[0]!.name = 'Guest<script>';
    const svg = await designGraphSvg(design);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const name of ['Google', 'photo-sharing-users', 'PhotoSharingIdentities', 'PhotoSharingViewers'])
      expect(svg).toContain(name);
    expect(svg).toContain('Guest&lt;script&gt;');
    expect(svg).not.toMatch(/<script|href=/);
  });

  it('lays out designs whose nodes have no position yet', async () => {
    const design = { ...photoSharing(), layout: { positions: {} } };
    const svg = await designGraphSvg(design);
    expect(svg.match(/<g>/g)).toHaveLength(11);
  });
});

describe('report data', () => {
  it('hashes the design as saved, lists findings by severity and each persona, and counts the matrix', async () => {
    const design = photoSharing();
    const matrix = computeMatrixTable(
      design,
      design.personas,
      [{ action: 's3:GetObject' }],
      designResources(design),
      {
        now: NOW,
      },
    );
    const report = await buildReviewReport({
      design,
      findings: reviewDesignSync(design),
      matrix,
      toolVersion: '9.9.9',
      generatedAt: NOW,
      catalogChecks: false,
    });
    expect(report.design.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.design.sha256).not.toBe(await sha256Hex('{}'));
    expect(report.findings.items.map((finding) => finding.title)).toEqual(['Guest role grants data reads']);
    expect(report.personas.find((persona) => persona.id === 'persona-guest')?.sessionPolicies).toHaveLength(
      2,
    );
    expect(report.matrix.decisions.Allowed).toBe(matrix.cells.filter((cell) => cell === 'Allowed').length);
    expect(report.matrix.allowedRows.length + report.matrix.deniedRows).toBe(designResources(design).length);
    const html = renderReport(report, 'html');
    expect(html).toContain('IAM catalog checks');
    expect(html).toContain('9.9.9');
  });

  it('writes JSON that keeps the design text exactly, with no raw DEL, C1 or bidi character', async () => {
    const design = { ...photoSharing(), name: 'x\u202ey\u0085z\u007f' };
    const matrix = computeMatrixTable(design, [], [], [], { now: NOW });
    const json = renderReport(
      await buildReviewReport({
        design,
        findings: [],
        matrix,
        toolVersion: '1',
        generatedAt: NOW,
        catalogChecks: true,
      }),
      'json',
    );
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(json) as { design: { name: string } }).design.name).toBe('x\u202ey\u0085z\u007f');
  });
});
