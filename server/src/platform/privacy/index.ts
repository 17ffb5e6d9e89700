export { maskIdNumber, maskName, maskPhone, maskAddress, maskPersonal } from './mask.js';
