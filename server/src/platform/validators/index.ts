export * from './id-number.js';
export * from './credit-code.js';
export * from './division-code.js';
export * from './storable-text.js';
export * from './region-code-param.js';
export * from './uuid.js';
