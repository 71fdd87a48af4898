/** Injection token of the service's `KeyManagementService` (Vault or local). */
export const KEY_MANAGEMENT = Symbol('candor:key-management');
