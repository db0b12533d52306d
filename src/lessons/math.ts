/** Splits lesson text into prose and formulas: $$display$$ and $inline$ (KaTeX syntax). */
export type TextPart = { kind: 'text' | 'inline' | 'display'; value: string };

export function splitMath(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ kind: 'text', value: text.slice(last, match.index) });
    parts.push(
      match[1] !== undefined
        ? { kind: 'display', value: match[1] }
        : { kind: 'inline', value: match[2] },
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) });
  return parts;
}
