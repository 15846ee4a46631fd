import { describe, expect, it } from 'vitest';
import { languageSamples } from './fixtures/language-samples';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('gets short Dutch, English and other-language posts right', () => {
    const wrong = languageSamples.filter((s) => detectLanguage(s.text) !== s.lang).map((s) => `${s.lang}: ${s.text}`);
    expect(wrong.length / languageSamples.length).toBeLessThan(0.05);
  });

  it.each([
    ['Der Zug hat schon wieder Verspätung', 'German'],
    ['Vielen Dank für die schnelle Antwort', 'German'],
    ['Merci beaucoup pour votre aide', 'French'],
    ['Je suis vraiment déçu par ce service', 'French'],
    ['¿Alguien sabe por qué la carretera sigue cerrada?', 'Spanish'],
    ['Muchas gracias por la ayuda', 'Spanish'],
  ])('reads "%s" (%s) as other, not Dutch or English', (text) => {
    expect(detectLanguage(text)).toBe('other');
  });

  it('ignores hashtags, handles, links and emoji', () => {
    expect(detectLanguage('@support #awesome #great https://x.co/a Wat een mooie dag 😍')).toBe('nl');
    expect(detectLanguage('@gemeente #storing #weer What a lovely day 😍')).toBe('en');
  });

  it('says other when there are no words to go by', () => {
    expect(detectLanguage('😡😡 #fail https://t.co/x')).toBe('other');
    expect(detectLanguage('')).toBe('other');
    expect(detectLanguage('Поезд опять опаздывает')).toBe('other');
  });

  it('handles the smallest Dutch and English posts', () => {
    expect(detectLanguage('Kutweer vandaag.')).toBe('nl');
    expect(detectLanguage('Hou je taai!')).toBe('nl');
    expect(detectLanguage('Not bad at all')).toBe('en');
    expect(detectLanguage('Thanks!')).toBe('en');
  });
});
