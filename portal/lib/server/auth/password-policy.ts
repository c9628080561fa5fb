import { createRequire } from 'node:module';
import { z } from 'zod';

// Mozilla's list of common passwords (fxa-common-password-list, MPL-2.0), shipped as a dependency: the check runs
// offline, and the list is kept by people who watch real breach data.
const commonPasswords = createRequire(import.meta.url)('fxa-common-password-list') as { test(password: string): boolean };

/**
 * NIST SP 800-63B, 5.1.1.2: at least 10 characters (the portal's floor), up to 200, any characters, no composition
 * rules, and never a password from a list of commonly used or breached ones. `aaaaaaaaaa` used to pass.
 */
export const newPassword = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200)
  .refine((p) => !/^(.)\1*$/su.test(p), 'Use more than one repeated character')
  .refine((p) => !commonPasswords.test(p) && !commonPasswords.test(p.toLowerCase()), 'This password is too common; choose another');
