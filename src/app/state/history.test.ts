import { describe, expect, it } from 'vitest';
import { addRace, HISTORY_KEY, HISTORY_SIZE, loadRaces, raceTitle, saveRaces, type RaceRecord } from './history.js';

const record = (i: number, hash = `#r=${i}`): RaceRecord => ({ at: i, title: `spec ${i}`, hash, summary: 'MEDUSA 1.40x' });

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, length: 0 };
}

describe('race history', () => {
  it('keeps the newest first, one entry per permalink, at most HISTORY_SIZE', () => {
    let list: RaceRecord[] = [];
    for (let i = 0; i < HISTORY_SIZE + 3; i++) list = addRace(list, record(i));
    expect(list).toHaveLength(HISTORY_SIZE);
    expect(list[0]!.at).toBe(HISTORY_SIZE + 2);
    list = addRace(list, record(99, '#r=5'));
    expect(list.filter((r) => r.hash === '#r=5')).toHaveLength(1);
    expect(list[0]!.at).toBe(99);
  });

  it('survives a round trip through storage and ignores what it cannot read', () => {
    const storage = memoryStorage();
    saveRaces(storage, [record(1), record(2)]);
    expect(loadRaces(storage).map((r) => r.at)).toEqual([1, 2]);
    storage.setItem(HISTORY_KEY, '{not json');
    expect(loadRaces(storage)).toEqual([]);
    storage.setItem(HISTORY_KEY, JSON.stringify([record(3), { at: 'x' }, { ...record(4), hash: 'javascript:alert(1)' }]));
    expect(loadRaces(storage).map((r) => r.at)).toEqual([3]);
    expect(loadRaces(undefined)).toEqual([]);
  });

  it('titles a race by its spec\'s first line', () => {
    expect(raceTitle('\n  4-bit counter\nmodule cnt4')).toBe('4-bit counter');
    expect(raceTitle('x'.repeat(100))).toHaveLength(80);
  });
});
