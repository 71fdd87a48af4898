/** The languages the bot speaks on its own (outside a tenant's playbook). */
export type BotLanguage = 'en' | 'de' | 'fr' | 'es';
export const BOT_LANGUAGES: readonly BotLanguage[] = ['en', 'de', 'fr', 'es'];

export function isBotLanguage(value: string | null | undefined): value is BotLanguage {
  return value !== null && value !== undefined && (BOT_LANGUAGES as readonly string[]).includes(value);
}
