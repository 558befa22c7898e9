/**
 * Where an account stands, as the admin pages show it: invited (no password yet), active, or
 * deactivated by an admin (whatever else is true of it).
 */
export const USER_STATES = ["active", "invited", "deactivated"] as const;
export type UserState = (typeof USER_STATES)[number];

export function isUserState(value: unknown): value is UserState {
  return USER_STATES.includes(value as UserState);
}

export function accountState(user: {
  hasPassword: boolean;
  deactivatedAt: Date | null;
}): UserState {
  if (user.deactivatedAt) return "deactivated";
  return user.hasPassword ? "active" : "invited";
}
