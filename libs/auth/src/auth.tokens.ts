export const AUTH_SETTINGS = Symbol('candor:auth-settings');

export interface AuthSettings {
  /** Set only in the service that serves visitors (conversation): the signing secret first, then earlier ones. */
  visitorTokenSecrets?: readonly string[];
}
