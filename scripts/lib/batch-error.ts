/**
 * Raised when a normalize run cannot start or go on at all (a missing input folder, an output
 * folder that cannot be created or is locked by another run); the message is one user-facing
 * line naming the folder and what to do.
 */
export class BatchError extends Error {
  override name = 'BatchError';
}
