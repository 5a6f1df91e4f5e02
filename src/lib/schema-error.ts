import type { z } from 'zod';

/** One line per schema issue, as `**path**: message`, for error output people can act on. */
export function formatSchemaError(error: z.ZodError): string {
  return error.issues.map((issue) => `**${issue.path.length ? issue.path.join('.') : '(root)'}**: ${issue.message}`).join('\n');
}
