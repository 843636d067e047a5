import { describe, expect, it } from 'vitest';
import { spellingVariants } from '../../../src/core/match/spelling';

describe('spellingVariants', () => {
  it('finds transliterations and spellings of the same name', () => {
    expect(spellingVariants(['Sergey Lavrov', 'Lavrov'], ['Sergei Lavrov', 'Lavrov'])).toEqual(['Sergei Lavrov']);
    expect(spellingVariants(['al-Qaeda'], ['al-Qaida'])).toEqual(['al-Qaida']);
    expect(spellingVariants(['Moammar Gadhafi'], ['Muammar Gaddafi'])).toEqual(['Muammar Gaddafi']);
  });

  it('does not count other words, shorter or longer names, or style as spelling', () => {
    expect(spellingVariants(['Sergey Lavrov'], ['Lavrov', 'Foreign Minister Sergey Lavrov'])).toEqual([]);
    expect(spellingVariants(['U.N.'], ['UN'])).toEqual([]);
    expect(spellingVariants(['Bashar al-Assad'], ['Bashar Assad'])).toEqual([]);
    expect(spellingVariants(['Russia'], ['Moscow', 'Kremlin'])).toEqual([]);
    expect(spellingVariants(['Erdoğan'], ['Erdogan'])).toEqual([]);
  });

  it('takes words under four letters as they are', () => {
    expect(spellingVariants(['Kofi Annan'], ['Kofi Anan'])).toEqual(['Kofi Anan']);
    expect(spellingVariants(['Ban Ki-moon'], ['Pan Ki-moon', 'Bam Ki-moon'])).toEqual([]);
  });
});
