export const ROLES = ["buyer", "seller"] as const;
export type Role = (typeof ROLES)[number];

export const VIEWERS = ["buyer", "seller", "facilitator", "observer"] as const;
export type Viewer = (typeof VIEWERS)[number];

export function otherRole(role: Role): Role {
  return role === "buyer" ? "seller" : "buyer";
}

export function isRole(value: unknown): value is Role {
  return value === "buyer" || value === "seller";
}

/** A pair of values, one per side: the shape of every per-role record in the engine. */
export type PerRole<T> = { readonly buyer: T; readonly seller: T };

export function perRole<T>(make: (role: Role) => T): PerRole<T> {
  return { buyer: make("buyer"), seller: make("seller") };
}

export function withRole<T>(pair: PerRole<T>, role: Role, value: T): PerRole<T> {
  return role === "buyer" ? { buyer: value, seller: pair.seller } : { buyer: pair.buyer, seller: value };
}
