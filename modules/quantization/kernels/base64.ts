/**
 * Base64 helpers for the embedded Wasm binaries (std's `@std/encoding` is on JSR, which is not
 * reachable, and the binaries are small enough for `btoa`/`atob`).
 *
 * @module
 */

/**
 * Encodes bytes as standard base64.
 *
 * @param bytes The bytes.
 * @returns Their base64 text.
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Decodes standard base64 into bytes.
 *
 * @param text The base64 text.
 * @returns The bytes.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
