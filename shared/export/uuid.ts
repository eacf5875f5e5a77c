// Deterministic GUIDs for exports: a record exported twice gets the same GUID, so a tool that
// imports both files sees one source, one selection, one code. UUID version 5 (RFC 9562:
// SHA-1 of a namespace and a name) — the name is "<what>:<our id>", so the selection and the
// coding made from one highlight still get different GUIDs.
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Dossier's own namespace UUID (random, fixed forever: changing it changes every exported GUID). */
export const DOSSIER_UUID_NAMESPACE = '6f0c8f4e-3a52-4f7b-9d3e-2b1c5a7e9d40';

const hexBytes = (hex: string): Uint8Array => {
  const clean = hex.replace(/-/g, '');
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return bytes;
};

/** The version-5 UUID of `name` in `namespace` (lower-case, 8-4-4-4-12). */
export function uuidV5(name: string, namespace: string = DOSSIER_UUID_NAMESPACE): string {
  const space = hexBytes(namespace);
  const text = new TextEncoder().encode(name);
  const input = new Uint8Array(space.length + text.length);
  input.set(space);
  input.set(text, space.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC variant
  const hex = bytesToHex(hash);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
