import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOutlets, outletProfile, outletProfiles, validateOutlets } from '../../../src/core/corpus/outlets';

const manifest = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8')) as {
  content_scripts: { matches: string[] }[];
};
const defaultSites = manifest.content_scripts
  .flatMap((c) => c.matches)
  .map((m) => /^https:\/\/\*\.([^/]+)\/\*$/.exec(m)![1]!);
const seeds = JSON.parse(
  readFileSync(new URL('../../../src/core/corpus/seeds/seeds.json', import.meta.url), 'utf8'),
) as { outlet: string }[];

describe('the outlet profiles', () => {
  it('load and validate', () => {
    expect(outletProfiles().length).toBeGreaterThanOrEqual(45);
  });

  it('cover every site of the default list and every seed', () => {
    expect(defaultSites.length).toBeGreaterThanOrEqual(45);
    const missing = [...defaultSites, ...seeds.map((s) => s.outlet)].filter((d) => !outletProfile(d));
    expect(missing).toEqual([]);
  });

  it('record the documented owners and funders', () => {
    expect(outletProfile('voanews.com')).toMatchObject({
      name: 'Voice of America',
      country: 'US',
      kind: 'state-funded international broadcaster',
      ownerOrFunder: expect.stringContaining('U.S. Agency for Global Media'),
    });
    expect(outletProfile('rt.com')).toMatchObject({
      country: 'RU',
      kind: 'state-funded international broadcaster',
      ownerOrFunder: expect.stringContaining('TV-Novosti'),
    });
    expect(outletProfile('cbc.ca')).toMatchObject({
      country: 'CA',
      kind: 'public broadcaster',
      ownerOrFunder: expect.stringContaining('Crown corporation'),
    });
    expect(outletProfile('apnews.com')).toMatchObject({
      kind: 'wire agency',
      ownerOrFunder: expect.stringContaining('cooperative'),
    });
    expect(outletProfile('reuters.com')?.ownerOrFunder).toBe('Thomson Reuters');
    expect(outletProfile('bbc.com')?.ownerOrFunder).toContain('licence fee');
    expect(outletProfile('aljazeera.com')?.ownerOrFunder).toContain('Qatar');
    expect(outletProfile('tass.com')?.kind).toBe('state news agency');
    expect(outletProfile('france24.com')?.ownerOrFunder).toContain('France Médias Monde');
    expect(outletProfile('dw.com')?.ownerOrFunder).toContain('German federal budget');
    expect(outletProfile('rferl.org')?.ownerOrFunder).toContain('U.S. Agency for Global Media');
    expect(outletProfile('un.org')).toMatchObject({ name: 'UN News', kind: 'intergovernmental' });
  });

  it('are found by alias domain, sub-domain or URL', () => {
    expect(outletProfile('bbc.co.uk')?.id).toBe('bbc.com');
    expect(outletProfile('https://www.bbc.co.uk/news/world-middle-east-17340000')?.id).toBe('bbc.com');
    expect(outletProfile('news.un.org')?.id).toBe('un.org');
    expect(outletProfile('https://edition.cnn.com/2012/03/12/x')?.id).toBe('cnn.com');
    expect(outletProfile('www3.nhk.or.jp')?.id).toBe('nhk.or.jp');
    expect(outletProfile('example.com')).toBeNull();
    expect(outletProfile('')).toBeNull();
  });
});

describe('validateOutlets', () => {
  it('names the entry and the problem', () => {
    const bad = [
      { id: 'Example.COM', name: '', country: 'usa', kind: 'tabloid', ownerOrFunder: '' },
      { id: 'news.example.org', name: 'X', country: 'US', kind: 'commercial', ownerOrFunder: null },
      { id: 'a.org', name: 'A', country: 'US', kind: 'commercial', ownerOrFunder: null, domains: ['b.org'] },
      { id: 'b.org', name: 'B', country: 'US', kind: 'toString', ownerOrFunder: null },
      'nope',
    ];
    const { errors, outlets } = validateOutlets('outlets.json', bad);
    expect(outlets).toEqual([]);
    expect(errors).toEqual([
      'outlets.json[0] (Example.COM): id must be a registrable domain in lower case ("bbc.com")',
      'outlets.json[0] (Example.COM): name is required',
      'outlets.json[0] (Example.COM): country must be an ISO 3166-1 alpha-2 code',
      expect.stringMatching(/^outlets\.json\[0\] \(Example\.COM\): kind must be one of wire agency, /),
      'outlets.json[0] (Example.COM): ownerOrFunder must be a string, or null when not documented',
      'outlets.json[1] (news.example.org): id must be a registrable domain in lower case ("bbc.com")',
      expect.stringMatching(/^outlets\.json\[3\] \(b\.org\): kind must be one of/),
      'outlets.json[3] (b.org): domain b.org is also claimed by a.org',
      'outlets.json[4]: not an object',
    ]);
    expect(() => loadOutlets(bad)).toThrow(/The outlet profiles are invalid \(9 problems\)/);
    expect(validateOutlets('x', {}).errors).toEqual(['x: expected a JSON array of outlet profiles']);
  });
});
