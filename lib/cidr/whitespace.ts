const WHITESPACE = /\s/u;

function nameOf(ch: string): string {
  switch (ch) {
    case " ":
      return "a space";
    case "\t":
      return "a tab";
    case "\n":
      return "a newline";
    case "\r":
      return "a carriage return";
    case "\u00a0":
      return "a non-breaking space (U+00A0)";
    default:
      return `a whitespace character (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")})`;
  }
}

/**
 * If `text` contains whitespace, describe the first occurrence ("a space at the start",
 * "a tab at position 9", ...); otherwise undefined. Positions are 1-based.
 */
export function describeStrayWhitespace(text: string): string | undefined {
  const match = WHITESPACE.exec(text);
  if (match === null) return undefined;
  const index = match.index;
  const where = index === 0 ? "at the start" : index === text.length - 1 ? "at the end" : `at position ${index + 1}`;
  return `${nameOf(match[0])} ${where}`;
}
