import type { ModuleInfo } from "@tinytorch/course";
import { zipSync } from "fflate";
import { listTree, sha256Hex } from "../files.ts";

/** `manifest.json` inside a submission archive (format `tinytorch-submission/1`). */
export interface SubmissionManifest {
  /** Always `"tinytorch-submission/1"`. */
  readonly format: "tinytorch-submission/1";
  /** The module's name. */
  readonly module: string;
  /** When the archive was made (ISO 8601). */
  readonly createdAt: string;
  /** Every file, at its path in the project. */
  readonly files: readonly { path: string; sha256: string; bytes: number }[];
}

/**
 * Packs every file of `modules/<name>/` at its project path, with a `manifest.json`, into a zip
 * archive that the grader's intake reads.
 *
 * @param root The project root.
 * @param module The module.
 * @param now The creation time.
 * @returns The archive's bytes and its manifest.
 */
export async function buildSubmission(
  root: string,
  module: ModuleInfo,
  now: Date = new Date(),
): Promise<{ zip: Uint8Array; manifest: SubmissionManifest }> {
  const entries: Record<string, Uint8Array> = {};
  const files = [];
  for (const rel of await listTree(`${root}/${module.dir}`)) {
    const bytes = await Deno.readFile(`${root}/${module.dir}/${rel}`);
    const path = `${module.dir}/${rel}`;
    entries[path] = bytes;
    files.push({ path, sha256: await sha256Hex(bytes), bytes: bytes.length });
  }
  const manifest: SubmissionManifest = {
    format: "tinytorch-submission/1",
    module: module.name,
    createdAt: now.toISOString(),
    files,
  };
  const zip = zipSync({
    "manifest.json": new TextEncoder().encode(JSON.stringify(manifest, null, 2) + "\n"),
    ...entries,
  });
  return { zip, manifest };
}
