/**
 * The two languages of the public pages: Vietnamese first, English second.
 * The locale codes are those of lib/format/number.ts, so one value drives
 * both the words and the number formats.
 */
import { LOCALES, type Locale } from "@/lib/format/number";

export { LOCALES, type Locale };

export const DEFAULT_LOCALE: Locale = "vi";

/** BCP 47 tag for `<html lang>` and `hreflang`. */
export const HTML_LANG: Readonly<Record<Locale, string>> = { vi: "vi", en: "en" };

/** Open Graph's locale form (language_TERRITORY). */
export const OG_LOCALE: Readonly<Record<Locale, string>> = { vi: "vi_VN", en: "en_US" };

export function otherLocale(locale: Locale): Locale {
  return locale === "vi" ? "en" : "vi";
}

export function isLocale(x: unknown): x is Locale {
  return typeof x === "string" && (LOCALES as readonly string[]).includes(x);
}
