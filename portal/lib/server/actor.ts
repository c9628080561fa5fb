import type { Role } from './db/schema';

/** Who is calling an operation. Operations authorise against this, never the route. */
export interface Actor {
  id: string;
  role: Role;
  email: string;
  name: string;
}
