import { useCallback, useEffect, useRef, useState } from 'react';
import { raceVerdict, type LaneResult } from './race/outcome.js';
import { addRace, loadRaces, raceTitle, saveRaces, type RaceRecord } from './state/history.js';
import { encodePermalink } from './state/permalink.js';
import type { Settings } from './state/settings.js';
import { LANES, type RaceState } from './useRace.js';

/** The speculative lanes' speedups in a few words, for the history. */
function summary(results: readonly (readonly LaneResult[])[]): string {
  return raceVerdict(results).filter((v) => v.strategy !== 'ntp')
    .map((v) => `${LANES.find((l) => l.strategy === v.strategy)!.title} ${v.speedup === null ? 'n/a' : `${v.speedup.toFixed(2)}x`}`).join(' · ');
}

/** The races kept in this browser: each finished race goes in, with the permalink that reproduces it. */
export function useRaceHistory(race: RaceState, spec: string, settings: Settings) {
  const [races, setRaces] = useState<RaceRecord[]>(() => loadRaces(globalThis.localStorage));
  const recorded = useRef<unknown>(null);
  useEffect(() => {
    const results = race.results;
    if (race.status !== 'done' || results.length === 0 || recorded.current === results) return;
    recorded.current = results;
    setRaces((list) => {
      const next = addRace(list, { at: Date.now(), title: raceTitle(spec), hash: encodePermalink({ spec, settings }), summary: summary(results) });
      saveRaces(globalThis.localStorage, next);
      return next;
    });
  }, [race.status, race.results, spec, settings]);
  const clear = useCallback(() => {
    setRaces([]);
    saveRaces(globalThis.localStorage, []);
  }, []);
  return { races, clear };
}
