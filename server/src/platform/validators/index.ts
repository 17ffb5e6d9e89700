export * from './id-number.js';
export * from './credit-code.js';
export * from './division-code.js';
