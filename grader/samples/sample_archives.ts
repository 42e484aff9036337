import { gzipSync, zipSync } from "fflate";
import type { Sample } from "./sample_class.ts";
import { writeTar } from "../intake/tar.ts";

const EPOCH = new Date(Date.UTC(2025, 0, 1));
const encoder = new TextEncoder();

async function sha256(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function titoZip(sample: Sample, moduleDir: string, module: string): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  const files = [];
  for (const [rel, text] of sample.files) {
    const data = encoder.encode(text);
    entries[`${moduleDir}/${rel}`] = data;
    files.push({ path: `${moduleDir}/${rel}`, sha256: await sha256(data), bytes: data.length });
  }
  const manifest = {
    format: "tinytorch-submission/1",
    module,
    createdAt: EPOCH.toISOString(),
    files,
  };
  entries["manifest.json"] = encoder.encode(JSON.stringify(manifest, null, 2) + "\n");
  return zipSync(entries, { mtime: EPOCH });
}

/**
 * The file name and bytes of a sample submission, packed as a student would hand it in: a
 * `tito submit` zip (manifest + `modules/<m>/…`), a zip of the module folder's contents, or a
 * tarball of a whole repository under one top folder. Same input, same bytes.
 *
 * @param sample The sample.
 * @param moduleDir The module folder, e.g. `modules/quantization`.
 * @param module The module name.
 * @returns The archive's name and content.
 */
export async function packSample(
  sample: Sample,
  moduleDir: string,
  module: string,
): Promise<{ name: string; data: Uint8Array }> {
  if (sample.packing === "tito-zip") {
    return { name: `${sample.student}.zip`, data: await titoZip(sample, moduleDir, module) };
  }
  if (sample.packing === "module-zip") {
    const entries = Object.fromEntries(
      [...sample.files].map(([rel, text]) => [rel, encoder.encode(text)]),
    );
    return { name: `${sample.student}.zip`, data: zipSync(entries, { mtime: EPOCH }) };
  }
  const top = `${sample.student}-tinytorch`;
  const tar = writeTar([
    { path: `${top}/README.md`, data: encoder.encode("# My TinyTorch\n") },
    ...[...sample.files].map(([rel, text]) => ({
      path: `${top}/${moduleDir}/${rel}`,
      data: encoder.encode(text),
    })),
  ]);
  return { name: `${sample.student}.tar.gz`, data: gzipSync(tar, { mtime: 0 }) };
}
