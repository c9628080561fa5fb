import type { Actor } from '../actor';
import type { Role } from '../db/schema';
import { AppError } from '../errors';

/**
 * The role gate every publisher and admin operation starts with. A wrong role is 403 (the caller may know the
 * operation exists); a right role on someone else's object is 404, decided by the ownership check that follows.
 */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN', `This needs the ${roles.join(' or ')} role`);
}

export const requirePublisher = (actor: Actor) => requireRole(actor, 'publisher', 'admin');
export const requireAdmin = (actor: Actor) => requireRole(actor, 'admin');
