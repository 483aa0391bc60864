/**
 * Time zones as the app stores and uses them. A zone is saved in its canonical
 * spelling ("europe/berlin" is saved as "Europe/Berlin"), and one that this
 * runtime does not know (an old row, a zone removed from the tz database, a
 * value written around the validators) is read as UTC: a stored setting must
 * never make a page fail.
 */

export const FALLBACK_TIME_ZONE = "UTC";

/** The runtime's canonical name of `value`, or null when it is not a time zone. */
export function canonicalTimeZone(value: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * `make(key)`, remembered for the `size` keys used last. Making an
 * Intl.DateTimeFormat costs far more than using one (it loads the zone's
 * rules), but zone names come from stored data: the cache must not grow with them.
 */
export function lruCache<V>(size: number, make: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value !== undefined) {
      cache.delete(key); // re-inserted below: a Map iterates in insertion order, so the first key is the least recent
    } else {
      value = make(key);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, value);
    return value;
  };
}

const usable = lruCache(64, (value) => canonicalTimeZone(value) ?? FALLBACK_TIME_ZONE);

/** `value` in its canonical spelling when this runtime knows it, else UTC. */
export function usableTimeZone(value: string | null | undefined): string {
  return value ? usable(value) : FALLBACK_TIME_ZONE;
}

/** Formatters with these options, one per zone, for at most `size` zones; an unknown zone formats as UTC. */
export function formatterCache(size: number, options: Intl.DateTimeFormatOptions, locale: string) {
  return lruCache(size, (timeZone) => new Intl.DateTimeFormat(locale, { ...options, timeZone: usableTimeZone(timeZone) }));
}
