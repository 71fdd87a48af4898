export const AUTH_SETTINGS = Symbol('candor:auth-settings');

export interface AuthSettings {
  /** Set only in the service that serves visitors (conversation). */
  visitorTokenSecret?: string;
}
