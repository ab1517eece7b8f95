/**
 * The form of a name that search compares: accents and case removed, spaces collapsed
 * ("Café De Wit  B.V." → "cafe de wit b.v."), so that "cafe" finds "Café".
 */
export function searchName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
