/** What a package says of its own training (model.json's provenance), in words for the page. */

/**
 * "61,052 spec → Verilog pairs, 11.4 CPU hours of training over 7 runs; 7.9M parameters" from the package's
 * provenance, when train/ trained its base: the training so far where the package records it (a
 * model that continues from run to run), else the one run's epochs.
 */
export function trainedOn(manifest: object): string | undefined {
  const p = (manifest as { provenance?: { corpus?: { examples?: Record<string, number> | number }; base_training?: { epochs?: number; parameters?: number }; training_so_far?: { runs?: number; cpu_hours?: number } } }).provenance;
  const examples = p?.corpus?.examples;
  const train = typeof examples === 'number' ? examples : examples?.train;
  // Without a base trained by train/ (a checkpoint of one's own, a random one for measuring), the corpus only served the export.
  if (!train || !p?.base_training) return undefined;
  const soFar = p.training_so_far;
  const epochs = p.base_training.epochs;
  const params = p.base_training.parameters;
  const how = soFar?.cpu_hours && soFar.runs
    ? `, ${Number(soFar.cpu_hours.toFixed(soFar.cpu_hours < 0.1 ? 2 : 1))} CPU hours of training over ${soFar.runs} run${soFar.runs === 1 ? '' : 's'}`
    : epochs ? `, ${Number(epochs.toFixed(2))} epochs` : '';
  return `${train.toLocaleString('en')} spec → Verilog pairs${how}${params ? `; ${(params / 1e6).toFixed(1)}M parameters` : ''}`;
}
