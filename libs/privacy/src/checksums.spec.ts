import { isValidIban, isValidNir, passesLuhn } from './checksums';

describe('checksums', () => {
  it('passes Luhn-valid card numbers and IMEIs only', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('490154203237518')).toBe(true);
  });

  it('checks IBANs with mod-97 and the country length', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false);
  });

  it('checks the key of a French NIR, Corsica included', () => {
    expect(isValidNir('269054958815780')).toBe(true);
    expect(isValidNir('269054958815781')).toBe(false);
    expect(isValidNir('185057800608491')).toBe(true);
    const corsica = 1_850_519_006_084; // 2A read as 19
    expect(isValidNir(`18505${'2A'}006084${String(97 - (corsica % 97)).padStart(2, '0')}`)).toBe(true);
    expect(isValidNir('3850578006084')).toBe(false);
  });
});
