import { type FieldErrors, FieldErrorCollector } from '@prm/domain/common';

export const MAX_PROOF_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_PROOF_FILES = 10;
export const MAX_PROOF_FILE_NAME_LENGTH = 255;
export const PROOF_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type ProofContentType = (typeof PROOF_CONTENT_TYPES)[number];

/** Bytes a caller must read from the start of a file for `sniffProofType` to decide. */
export const PROOF_SNIFF_BYTES = 8;

// Magic numbers: the uploaded name and the browser's Content-Type are not trusted, the bytes are.
const SIGNATURES: readonly [ProofContentType, readonly number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

const EXTENSIONS: Record<ProofContentType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The proof type the file's first bytes show, or null when they match none of PDF, PNG or JPEG. */
export function sniffProofType(head: Uint8Array): ProofContentType | null {
  for (const [type, signature] of SIGNATURES) {
    if (head.length >= signature.length && signature.every((byte, i) => head[i] === byte)) return type;
  }
  return null;
}

/** The extension of the stored copy ('pdf', 'png', 'jpg'); the uploaded name's extension is never used. */
export function extensionFor(contentType: ProofContentType): string {
  const extension = EXTENSIONS[contentType];
  if (extension === undefined) throw new RangeError(`not a proof content type: ${String(contentType)}`);
  return extension;
}

// U+0000–U+001F and U+007F.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Why an uploaded file name cannot be kept for display, or null when it can. Files are stored
 * under a generated name anyway; this refuses names that look like paths or could garble a page.
 */
export function proofFileNameProblem(name: string): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'The file name must not be empty.';
  if (CONTROL_CHARACTERS.test(name)) return 'The file name must not contain control characters.';
  if (name.includes('/') || name.includes('\\')) return 'The file name must not contain / or \\.';
  if (name === '.' || name === '..') return 'The file name must not be "." or "..".';
  // Counted in characters (code points), as a varchar(255) column counts them.
  if ([...name].length > MAX_PROOF_FILE_NAME_LENGTH) return `The file name must be at most ${MAX_PROOF_FILE_NAME_LENGTH} characters long.`;
  return null;
}

export interface ProofFileCandidate {
  name: string;
  /** Size in bytes. */
  size: number;
  /** The first bytes of the content (at least PROOF_SNIFF_BYTES when the file is that long). */
  head: Uint8Array;
}

/**
 * Every problem with a claim's proof files at once, keyed `files` (the list) and `files[i]` (one
 * file), ready for DomainError BAD_USER_INPUT; empty when they are acceptable.
 */
export function validateProofFiles(files: readonly ProofFileCandidate[], field = 'files'): FieldErrors {
  const errors = new FieldErrorCollector();
  if (files.length === 0) errors.add(field, 'Attach at least one proof file (PDF, PNG or JPEG).');
  if (files.length > MAX_PROOF_FILES) errors.add(field, `Attach at most ${MAX_PROOF_FILES} proof files (got ${files.length}).`);
  files.forEach((file, i) => {
    const path = `${field}[${i}]`;
    if (!Number.isSafeInteger(file.size) || file.size < 0) throw new RangeError(`${path}: size must be a whole number of bytes`);
    const nameProblem = proofFileNameProblem(file.name);
    if (nameProblem !== null) errors.add(path, nameProblem);
    if (file.size === 0) {
      errors.add(path, 'The file is empty.');
      return;
    }
    if (file.size > MAX_PROOF_FILE_BYTES) errors.add(path, `The file is larger than ${MAX_PROOF_FILE_BYTES / (1024 * 1024)} MB.`);
    if (sniffProofType(file.head) === null) errors.add(path, 'The file must be a PDF, PNG or JPEG file (detected by content).');
  });
  return errors.toObject();
}
