/** Temp copies of content directories that a test can break one file at a time. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCatalogue } from '../../../catalogue/read-content';
import { ContentError, ErrorDetail } from '../../../errors';

export const SHIPPED_CONTENT = path.resolve(__dirname, '../../../content');
export const MINIMAL_CONTENT = path.resolve(__dirname, '../../fixtures/content/minimal');

const created: string[] = [];

/** A fresh copy of `source` in the temp dir; removed by `removeCopies`. */
export function copyContent(source = MINIMAL_CONTENT): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'founder-guide-content-'));
  fs.cpSync(source, dir, { recursive: true });
  created.push(dir);
  return dir;
}

export function removeCopies(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Replaces `from` (which must occur) with `to` in one file. */
export function edit(dir: string, file: string, from: string, to: string): void {
  const target = path.join(dir, file);
  const text = fs.readFileSync(target, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: "${from}" not found in ${file}`);
  fs.writeFileSync(target, text.replace(from, to));
}

export function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

/** The problems readCatalogue reports for `dir`; fails the test if it reads cleanly. */
export function problemsIn(dir: string): ErrorDetail[] {
  try {
    readCatalogue(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.details;
    throw error;
  }
  throw new Error(`expected ${dir} to be rejected`);
}
