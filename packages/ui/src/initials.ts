/**
 * The two letters a product (or a person) without a picture is shown by: the first letters of the
 * first two words, or the first two letters of a single word.
 * @example
 * initialsOf("Cold Brew Coffee") // "CB"
 * initialsOf("Avocado") // "AV"
 */
export function initialsOf(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((w) => /^\p{L}/u.test(w));
  return (words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? name).slice(0, 2)).toUpperCase();
}
