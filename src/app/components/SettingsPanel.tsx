import { useEffect, useState } from 'react';
import type { ModelInfo } from '../../worker/protocol.js';
import { LIMITS, numberError, type Settings } from '../state/settings.js';

type NumberKey = keyof typeof LIMITS;

const LABELS: Record<NumberKey, { label: string; help: string; step: string }> = {
  maxTokens: { label: 'Max tokens', help: 'tokens each lane may write', step: '1' },
  lookup: { label: 'Lookup', help: 'the speculative lanes also verify up to this many tokens that followed the same tokens earlier in the spec or the code; 0: heads only, as in the paper', step: '1' },
  temperature: { label: 'Temperature', help: '0: greedy, every lane writes the same code; above 0: seeded sampling with typical acceptance', step: '0.1' },
  epsilon: { label: 'Typical ε', help: 'typical acceptance: a candidate passes if p > min(ε, α·exp(−entropy))', step: '0.01' },
  alpha: { label: 'Typical α', help: 'typical acceptance: see ε', step: '0.05' },
  seed: { label: 'Seed', help: 'the sampler\'s seed (temperature above 0)', step: '1' },
  bestOf: { label: 'Best of', help: 'races per Run; the result takes each lane\'s median', step: '1' },
};

/**
 * A number field that refuses what is out of range with the reason; the
 * reason also goes up (`onInvalid`), so Run waits until the field is fixed
 * instead of running the last good value.
 */
function NumberField({ name, value, onChange, onInvalid }: { name: NumberKey; value: number; onChange: (v: number) => void; onInvalid: (name: NumberKey, why: string | null) => void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const error = text.trim() === '' ? 'must be a number' : numberError(name, Number(text));
  useEffect(() => onInvalid(name, error && `${LABELS[name].label} ${error}`), [error, name, onInvalid]);
  const { label, help, step } = LABELS[name];
  return (
    <label className="field" title={help} htmlFor={`setting-${name}`}>
      {label}
      <input id={`setting-${name}`} name={name} aria-label={label} type="number" inputMode="decimal" step={step} min={LIMITS[name].min} max={LIMITS[name].max} value={text}
        aria-invalid={error !== null} onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && numberError(name, v) === null) onChange(v);
        }} />
      {error && <span className="field-error" role="alert">{label}: {error}</span>}
    </label>
  );
}

/** Decoding settings: heads, tree, sampling, limits. Invalid values are refused here, with the reason. */
export type { NumberKey };

export function SettingsPanel({ settings, model, onChange, onInvalid }: { settings: Settings; model: ModelInfo | undefined; onChange: (s: Settings) => void; onInvalid: (name: NumberKey, why: string | null) => void }) {
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  const variants = model?.variants ?? [];
  return (
    <details className="settings" open>
      <summary>Settings</summary>
      <div className="settings-grid">
        <label className="field">MEDUSA heads
          <select id="setting-medusaHeads" name="medusaHeads" aria-label="MEDUSA heads" value={settings.medusaHeads} onChange={(e) => set('medusaHeads', e.target.value)}>
            <option value="">default (vanilla)</option>
            {variants.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </label>
        <label className="field">Syntax-aware heads
          <select id="setting-syntaxHeads" name="syntaxHeads" aria-label="Syntax-aware heads" value={settings.syntaxHeads} onChange={(e) => set('syntaxHeads', e.target.value)}>
            <option value="">default (syntax)</option>
            {variants.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </label>
        <label className="field" title="calibrated: the tree `verispec bench --calibrate` measured best on this backend">Candidate tree
          <select id="setting-tree" name="tree" aria-label="Candidate tree" value={settings.tree} onChange={(e) => set('tree', e.target.value as Settings['tree'])}>
            <option value="calibrated">calibrated for this backend</option>
            <option value="default">the heads' default</option>
          </select>
        </label>
        <label className="field" title="from the spec: the module's and the ports' names are words of the spec; free: the model names them">Names
          <select id="setting-names" name="names" aria-label="Names" value={settings.names} onChange={(e) => set('names', e.target.value as Settings['names'])}>
            <option value="spec">from the spec</option>
            <option value="free">the model's own</option>
          </select>
        </label>
        <label className="field" title="checked: a token that breaks Verilog's grammar (an unmatched bracket, a ':' with no '?', a second '=', a keyword in an expression) is ruled out; off: the model's own">Grammar
          <select id="setting-grammar" name="grammar" aria-label="Grammar" value={settings.grammar} onChange={(e) => set('grammar', e.target.value as Settings['grammar'])}>
            <option value="on">checked as it writes</option>
            <option value="off">the model's own</option>
          </select>
        </label>
        {(Object.keys(LABELS) as NumberKey[]).map((k) => <NumberField key={k} name={k} value={settings[k]} onChange={(v) => set(k, v)} onInvalid={onInvalid} />)}
      </div>
    </details>
  );
}
