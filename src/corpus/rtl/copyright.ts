/**
 * Debian machine-readable copyright files (DEP-5): which licence covers a
 * path of the source tree. The last `Files:` stanza that matches wins.
 */
export interface LicenceRule {
  patterns: string[];
  licence: string;
}

export function parseCopyright(text: string): LicenceRule[] {
  const rules: LicenceRule[] = [];
  for (const stanza of text.split(/\n[ \t]*\n/)) {
    const fields = new Map<string, string>();
    let current = '';
    for (const line of stanza.split('\n')) {
      const field = /^([A-Za-z-]+):[ \t]*(.*)$/.exec(line);
      if (field) {
        current = field[1]!.toLowerCase();
        fields.set(current, field[2]!);
      } else if (/^[ \t]/.test(line) && current) {
        fields.set(current, `${fields.get(current)}\n${line.trim()}`);
      }
    }
    const files = fields.get('files');
    // A License field's first line is the short name; the lines after it are the text.
    const licence = fields.get('license')?.split('\n')[0]?.trim();
    if (files && licence) rules.push({ patterns: files.split(/\s+/).filter(Boolean), licence });
  }
  return rules;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** The licence of `path` (relative to the source root), or undefined when no stanza covers it. */
export function licenceOf(rules: readonly LicenceRule[], path: string): string | undefined {
  let found: string | undefined;
  for (const rule of rules) {
    if (rule.patterns.some((p) => globToRegExp(p).test(path))) found = rule.licence;
  }
  return found;
}
