// GIVEN key sentences from live-blog entries THEN compression keeps the main clause, headline-style.
import { describe, expect, it } from 'vitest';
import { compressSentence } from '../../../src/briefings/key-points/compress.ts';

const opts = { minWords: 6, maxWords: 14 };

describe('compressSentence', () => {
  it('GIVEN a time lead-in and an attribution tail THEN both are dropped', () => {
    expect(
      compressSentence(
        'Earlier today, Ukraine struck an oil depot in the Lipetsk region of Russia, officials said.',
        opts,
      ),
    ).toBe('Ukraine struck an oil depot in the Lipetsk region of Russia');
  });

  it('GIVEN a parenthetical aside THEN it is removed', () => {
    expect(compressSentence('The Bank of England (BoE) held interest rates at 4% on Thursday.', opts)).toBe(
      'The Bank of England held interest rates at 4%',
    );
  });

  it('GIVEN a long sentence THEN it stops at a clause boundary past the minimum', () => {
    const out = compressSentence(
      'Britain has been warned that the pound could slide to parity with the euro if the public votes to leave the EU, analysts at UBS predicted in a new report published on Monday.',
      opts,
    );
    expect(out.split(/\s+/).length).toBeLessThanOrEqual(15);
    expect(out.startsWith('Britain has been warned that the pound could slide')).toBe(true);
  });

  it('GIVEN a lower-cased corpus sentence THEN no capital is added', () => {
    expect(
      compressSentence('meanwhile , wall street edges higher in early trading , helped by oil .', opts),
    ).toBe('wall street edges higher in early trading');
  });

  it('GIVEN a leading subordinate clause THEN the main clause is the bullet', () => {
    expect(
      compressSentence(
        'Despite continuing worries about the global economy, shares held up pretty well on the last day of the month.',
        opts,
      ),
    ).toBe('Shares held up pretty well on the last day of the month');
  });

  it('GIVEN a word that starts like a lead-in ("South", "Nowhere") THEN it is not cut', () => {
    expect(compressSentence("South Africa's central bank has left interest rates unchanged.", opts)).toBe(
      "South Africa's central bank has left interest rates unchanged",
    );
    expect(compressSentence('Nowhere is the damage worse than in Kharkiv, officials said.', opts)).toBe(
      'Nowhere is the damage worse than in Kharkiv',
    );
  });

  it('GIVEN a number with a thousands comma THEN it is not a clause boundary', () => {
    expect(
      compressSentence(
        'The gold price remains under pressure at $1,201 an ounce, its lowest since 2010.',
        opts,
      ),
    ).toBe('The gold price remains under pressure at $1,201 an ounce');
  });

  it('GIVEN "Name, appositive, verb …" THEN the appositive goes, not the news', () => {
    expect(
      compressSentence(
        "Michael Noonan, Ireland's finance minister, is talking up the republic's strongest growth since 2000.",
        opts,
      ),
    ).toBe("Michael Noonan is talking up the republic's strongest growth since 2000");
  });

  it('GIVEN "Someone said: statement" THEN the statement is the bullet', () => {
    expect(
      compressSentence(
        "Tony Cross, market analyst at Trustnet Direct, said: London's FTSE 100 is finishing the session broadly flat.",
        opts,
      ),
    ).toBe("London's FTSE 100 is finishing the session broadly flat");
  });

  it('GIVEN a sentence too short to compress THEN it is kept whole', () => {
    expect(compressSentence('Talks end.', opts)).toBe('Talks end.');
  });
});
