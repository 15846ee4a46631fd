/** Replies in one voice, pure logic shared by the engine and the renderer: templates, tone guard, length counting. */
export * from './model';
export * from './template';
export * from './count';
export * from './seed';
export { checkTone, applyFix, hasErrors, type CheckOptions } from './tone/check';
export { tonePreset, validateToneRules } from './tone/presets';
export { isIban, passesElevenTest } from './tone/privacy';
export { syllables, readingEase, READING_EASE_MIN_WORDS } from './tone/readability';
