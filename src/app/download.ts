/** The file a lane's code is saved as: its first module's name (`cnt4.v`), else the lane's (`syntax.v`). */
export function verilogFileName(code: string, fallback: string): string {
  // Comments first: a `// module foo` note is not the module.
  const bare = code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
  const name = /\bmodule\s+(?:automatic\s+|static\s+)?([A-Za-z_][A-Za-z0-9_$]*)/.exec(bare)?.[1];
  return `${name ?? fallback}.v`;
}

/** Saves text as a file through a temporary link (the page's only way to write a file). */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}
