import * as ort from 'onnxruntime-node';
import { describe, expect, test } from 'vitest';
import { benchPrompts } from '../cli/bench.js';
import { DEFAULT_MODEL } from '../cli/model-source.js';
import { folderSource } from '../model/node-files.js';
import { loadModel, readManifest } from '../model/package.js';
import { loadSyntaxNode } from '../syntax/node.js';
import { decode } from './decode.js';
import { headerContinuation } from './header-draft.js';
import { namedModules } from './module-names.js';
import { declaredPorts } from './names.js';
import { specNames } from './spec-names.js';
import { race } from './race.js';

// The shipped default model (public/models/verispec-small), which the page and the CLI use.
describe('the shipped model', () => {
  test('on 20 held-out specs, MEDUSA and syntax-aware MEDUSA (static and dynamic trees) give exactly NTP\'s tokens, in fewer steps, masking lazily where they can', async () => {
    const syntax = await loadSyntaxNode();
    const manifest = await readManifest(folderSource(DEFAULT_MODEL));
    for (const quantization of Object.keys(manifest.quantizations)) {
      const model = await loadModel(folderSource(DEFAULT_MODEL), ort, { quantization, sessionOptions: { intraOpNumThreads: 2 } });
      const lanes = [{ strategy: 'ntp' }, { strategy: 'medusa' }, { strategy: 'syntax' }, { strategy: 'medusa', tree: [[0], [1], [0, 0], [0, 0, 0], [0, 0, 0, 0]], growth: 'dynamic' }] as const;
      const steps = lanes.map(() => 0);
      const masking = lanes.map(() => new Map<string, number>());
      for (const prompt of benchPrompts(20)) {
        const run = race(model, prompt.spec, lanes, { maxNewTokens: 48 }, () => syntax.completeness());
        let next = await run.next();
        while (!next.done) {
          masking[next.value.lane]!.set(next.value.event.masking, (masking[next.value.lane]!.get(next.value.event.masking) ?? 0) + 1);
          next = await run.next();
        }
        const [ntp, ...speculative] = next.value;
        speculative.forEach((r, i) => expect(r.ids, `${quantization} ${prompt.id} ${JSON.stringify(lanes[i + 1])}`).toEqual(ntp!.ids));
        next.value.forEach((r, i) => (steps[i]! += r.steps));
      }
      expect(steps[1]).toBeLessThan(steps[0]! * 0.75);
      expect(steps[2]).toBeLessThan(steps[0]!);
      expect(steps[3]).toBeLessThan(steps[0]! * 0.75);
      // NTP's one-node step masks first; the trees mask lazily, and where the mask overrules an unmasked
      // argmax they take the best allowed ranked token or run again (constrained-step.ts): both kinds of
      // step ran, and the tokens above still equal NTP's.
      expect([...masking[0]!.keys()]).toEqual(['eager']);
      for (const lane of masking.slice(1)) {
        expect(lane.get('lazy')).toBeGreaterThan(0);
        expect((lane.get('lazy-ranked') ?? 0) + (lane.get('lazy-rerun') ?? 0)).toBeGreaterThan(0);
      }
      await model.sessions.release();
    }
  }, 300_000);

  test('inside a header the spec holds, the looked-up branch drafts the declarations still to come, and steps keep whole ones', async () => {
    const model = await loadModel(folderSource(DEFAULT_MODEL), ort, { sessionOptions: { intraOpNumThreads: 2 } });
    let drafted = 0;
    let kept = 0;
    for (const prompt of benchPrompts(20).filter((p) => specNames(p.spec).required.length > 0)) {
      const reading = specNames(prompt.spec);
      const held = reading.required.map((name) => ({ name, direction: reading.directions.get(name)!, width: reading.widths.get(name)! }));
      let text = '';
      for await (const event of decode(model, prompt.spec, { strategy: 'medusa', maxNewTokens: 64 })) {
        const looked = event.tree.tokens.slice(event.tree.tokens.length - event.tree.lookup);
        const draft = looked.length ? model.tokenizer.decode(looked) : '';
        const expected = headerContinuation(text, held);
        if (expected && event.step > 1) {
          expect(expected.startsWith(draft), `${prompt.id} after ${JSON.stringify(text)}`).toBe(true);
          drafted++;
          // A step that kept the whole draft, and the base's next token.
          if (event.states.slice(event.tree.tokens.length - event.tree.lookup).every((s) => s === 'committed')) kept++;
        }
        text += event.text;
        if (text.includes(';')) break;
      }
    }
    expect(drafted).toBeGreaterThan(10);
    expect(kept).toBeGreaterThan(0);
    await model.sessions.release();
  }, 300_000);

  test('names come from the spec: the module is named as the spec names it, and every port is a word of the spec', async () => {
    const model = await loadModel(folderSource(DEFAULT_MODEL), ort, { sessionOptions: { intraOpNumThreads: 2 } });
    let named = 0;
    for (const prompt of benchPrompts(20)) {
      const it = decode(model, prompt.spec, { strategy: 'ntp', maxNewTokens: 64 });
      let next = await it.next();
      while (!next.done) next = await it.next();
      expect(next.value.names).toBe('spec');
      const given = namedModules(prompt.spec);
      const module = /\bmodule\s+([A-Za-z_][A-Za-z0-9_$]*)/.exec(next.value.text)?.[1];
      if (given.length && module) {
        expect(given, prompt.id).toContain(module);
        named++;
      }
      for (const port of declaredPorts(next.value.text)) expect(specNames(prompt.spec).port.words.has(port), `${prompt.id} port ${port}`).toBe(true);
    }
    expect(named).toBeGreaterThan(10);
    await model.sessions.release();
  }, 300_000);
});
